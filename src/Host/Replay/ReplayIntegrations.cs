using AutoRespond.Configuration;
using AutoRespond.Executors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Replay;

/// <summary>
/// The executors a replay uses: only in <c>autonomous</c> mode, for the config's <c>integrations</c> (in dry-run and confirm
/// nothing is sent, so their secrets are not required). Their logs go to stderr at warning level and above.
/// </summary>
public static class ReplayIntegrations
{
    /// <exception cref="ExecutorConfigurationException">An integration cannot start (a secret's variable is unset…).</exception>
    public static ServiceProvider? Open(AutoRespondConfig config)
    {
        if (config.Response.Mode != ResponseMode.Autonomous) return null;
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter(null, LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton(TimeProvider.System);
        services.AddExecutors(config.Integrations);
        return services.BuildServiceProvider();
    }
}
