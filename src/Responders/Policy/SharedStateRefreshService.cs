using AutoRespond.Responders.Windows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Policy;

/// <summary>
/// Every <see cref="Period"/>, loads the newest stored policy and the stored change windows. <c>PolicyChanged</c> and
/// <c>WindowChanged</c> reach one process of a role (competing consumers share the role's queue), so this is what
/// brings every other responder up to date, within a period; it also heals a message lost with a broker.
/// </summary>
public sealed partial class SharedStateRefreshService(PolicyLoader policies, WindowLoader? windows, TimeProvider time,
    ILogger<SharedStateRefreshService> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await RefreshAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One refresh; a failure (database down) is logged and retried at the next tick.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await policies.LoadCurrentAsync(cancellationToken);
            if (windows is not null) await windows.ReloadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e.Message);
        }
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Refreshing the stored policy and windows failed: {Error}; retrying in a minute")]
    private static partial void LogFailed(ILogger log, string error);
}
