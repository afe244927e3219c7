using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using StorageProvider = AutoRespond.Storage.StorageProvider;

namespace AutoRespond.Host.Roles;

/// <summary>
/// What every long-running role shares: logs on stderr (JSON lines with <c>AR_LOG_FORMAT=json</c>), the system clock,
/// storage from the config (migrated at start), and the bus settings from the config.
/// </summary>
internal static class RoleHosting
{
    /// <summary>Environment variable overriding the queue prefix (tests and several deployments on one broker).</summary>
    public const string PrefixVariable = "AR_BUS_PREFIX";

    public static HostApplicationBuilder CreateBuilder(string role)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "autorespond-" + role });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("MassTransit", LogLevel.Warning).SetMinimumLevel(LogLevel.Information);
        // EF Core logs every failed command as an error, also those our code expects and handles (a second worker recording
        // the same action id, a migration race); our own code logs the failures that matter.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database", LogLevel.Critical).AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.Critical);
        if (Environment.GetEnvironmentVariable("AR_LOG_FORMAT") == "json")
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        else
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAutoRespondTelemetry(role);
        return builder;
    }

    public static BusSettings BusSettingsFor(AutoRespondConfig config) =>
        new(config.Bus.Transport, config.Bus.Uri)
        {
            EndpointPrefix = Environment.GetEnvironmentVariable(PrefixVariable) is { Length: > 0 } prefix ? prefix : BusSettings.DefaultEndpointPrefix,
        };

    /// <summary>The config's <c>storage:</c> section as the storage layer's options: the one mapping every command uses.</summary>
    public static StorageOptions StorageOptionsFor(AutoRespondConfig config) => new()
    {
        Provider = config.Storage.Provider == Configuration.StorageProvider.Postgres ? StorageProvider.Postgres : StorageProvider.Sqlite,
        SqlitePath = config.Storage.Path,
        PostgresConnection = config.Storage.Connection,
    };

    /// <summary>Migrates storage, starts the host, and runs until Ctrl-C / SIGTERM; graceful stop lets in-flight messages finish.</summary>
    public static async Task<int> RunAsync(IHost host, bool storage, CancellationToken cancellationToken)
    {
        if (storage)
            await StorageInitializer.MigrateAsync(host.Services, cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>The worker's name in outcomes and logs: host and process id.</summary>
    public static string WorkerName(string role) => $"{role}@{Environment.MachineName}:{Environment.ProcessId}";
}
