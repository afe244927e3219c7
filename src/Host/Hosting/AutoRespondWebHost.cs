using AutoRespond.Api;
using AutoRespond.Api.Devices;
using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using AutoRespond.Reports;
using AutoRespond.Responders;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Expiry;
using AutoRespond.Responders.Policy;
using AutoRespond.Responders.Windows;
using AutoRespond.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Hosting;

/// <summary>
/// Composes the web host of <c>run</c> (pipeline, response engine, API and console in one process) and of <c>api</c>
/// (API and console over the shared storage and bus). The database is migrated and the stored policy and windows
/// are loaded before the host starts serving.
/// </summary>
public static class AutoRespondWebHost
{
    public static async Task<WebApplication> BuildAsync(AutoRespondConfig config, HostMode mode, WebHostOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls((options.Listen ?? config.Api.Listen).ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("MassTransit", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error) // keys for cookies we never issue
            .AddFilter("AutoRespond.Api.Security.ApiKeyAuthenticationHandler", LogLevel.Warning) // "challenged" on every 401
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error); // /health/ready reports degraded itself

        // Live interfaces are opened first: a wrong name or missing privilege stops the host before it serves.
        var live = mode == HostMode.Run && options.Interfaces.Count > 0 ? LiveCapture.Open(options.Interfaces) : null;
        try
        {
            return await BuildAsync(builder, config, mode, options, live, cancellationToken);
        }
        catch
        {
            live?.Dispose();
            throw;
        }
    }

    private static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, AutoRespondConfig config, HostMode mode,
        WebHostOptions options, LiveCapture? live, CancellationToken cancellationToken)
    {
        var services = builder.Services;
        services.AddAutoRespondStorage(Roles.RoleHosting.StorageOptionsFor(config));
        services.AddWindowStore();
        var status = new PipelineStatus(mode == HostMode.Run && options.Replay.Count > 0);
        services.AddSingleton(status);
        if (mode == HostMode.Run)
        {
            var directory = new InProcessDeviceDirectory();
            services.AddSingleton(directory);
            services.AddSingleton<IDeviceDirectory>(directory);
        }
        var bus = BusOf(config, mode, options);
        if (mode == HostMode.Api && config.Bus.Transport == Configuration.BusTransport.RabbitMq)
        {
            // Approvals and releases made here are carried out by the responder's workers: the queue of each kind.
            string responders = ResponderPrefix(config, options);
            services.AddSingleton<IActionDispatcher>(sp => new BusActionDispatcher(sp.GetRequiredService<IClientFactory>(), responders,
                Roles.ResponderRole.DispatchTimeout));
        }
        options.AddExecutors?.Invoke(services, config); // the executor seam: run passes AddExecutors(config.Integrations)
        if (live is not null)
        {
            services.AddSingleton(_ => live); // disposed with the host
            services.AddSingleton(sp => new SensorResetExecutor(live.Enforcers, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SensorResetExecutor>>()));
            services.AddSingleton<IActionExecutor>(sp => sp.GetRequiredService<SensorResetExecutor>());
        }
        // Actions decided on packet time (replay) still get their whole duration at the target (docs/decisions/0005).
        services.TryAddSingleton<IActionDispatcher>(sp => new InProcessDispatcher(sp.GetServices<IActionExecutor>()
            .Select(e => (IActionExecutor)new WallClockExecutor(e, sp.GetRequiredService<TimeProvider>()))));
        services.AddResponseEngine(config);
        services.AddStoredWindows();
        services.AddSingleton<IApiChangePublisher, BusChangePublisher>();
        services.AddAutoRespondBus(bus, x =>
        {
            x.AddConsumer<PolicyChangedConsumer, PolicyChangedConsumerDefinition>();
            x.AddConsumer<WindowChangedConsumer>();
        });
        services.AddAutoRespondApi(config, new ApiOptions { Environment = options.Environment, WithPipeline = mode == HostMode.Run });
        services.AddHealthChecks().AddCheck("pipeline", status, tags: ["ready"]);

        if (mode == HostMode.Run)
        {
            services.AddAutoRespondReports(config);
            AddExpiry(services);
            // Replayed actions were held at capture time, long past: their approval timeout would drop them at once,
            // so the fail-safe runs only on live input.
            if (options.Replay.Count == 0) AddConfirmationTimeout(services);
            services.AddHostedService(sp => new PipelineFeeder(options.Replay, live, sp.GetService<SensorResetExecutor>(), config,
                sp.GetRequiredService<ResponseEngine>(), sp.GetRequiredService<IIncidentStore>(), sp.GetRequiredService<IBaselineStore>(),
                sp.GetRequiredService<ChangeWindowEvaluator>(), sp.GetRequiredService<InProcessDeviceDirectory>(),
                sp.GetRequiredService<AiUsageInventory>(), status, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PipelineFeeder>>()));
        }

        var app = builder.Build();
        app.MapAutoRespondApi();
        await StorageInitializer.MigrateAsync(app.Services, cancellationToken);
        await app.Services.GetRequiredService<PolicyLoader>().LoadCurrentAsync(cancellationToken);
        await app.Services.GetRequiredService<WindowLoader>().ReloadAsync(cancellationToken);
        return app;
    }

    /// <summary>
    /// The bus of this host. <c>run</c> uses the roles' prefix; <c>api</c> its own (<c>{prefix}-api</c>): on RabbitMQ each
    /// process needs its own queues, or the API and the responder would compete for one <c>PolicyChanged</c>.
    /// </summary>
    private static BusSettings BusOf(AutoRespondConfig config, HostMode mode, WebHostOptions options) =>
        new(config.Bus.Transport, config.Bus.Uri)
        {
            EndpointPrefix = mode == HostMode.Api ? ResponderPrefix(config, options) + "-api" : ResponderPrefix(config, options),
        };

    private static string ResponderPrefix(AutoRespondConfig config, WebHostOptions options) =>
        options.EndpointPrefix ?? Roles.RoleHosting.BusSettingsFor(config).EndpointPrefix;

    private static void AddExpiry(IServiceCollection services) =>
        services.AddHostedService(sp => new ActionExpiryService(sp.GetRequiredService<IActionLedger>(), sp.GetRequiredService<ActionReverter>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ExpiryOptions>(), sp.GetRequiredService<ILogger<ActionExpiryService>>()));

    private static void AddConfirmationTimeout(IServiceCollection services) =>
        services.AddHostedService(sp => new ConfirmationTimeoutService(sp.GetRequiredService<ConfirmationService>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ConfirmationOptions>(),
            sp.GetRequiredService<ILogger<ConfirmationTimeoutService>>()));
}
