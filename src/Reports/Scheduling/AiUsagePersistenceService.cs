using AutoRespond.Brain.Ai;
using AutoRespond.Reports.Building;
using AutoRespond.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Reports.Scheduling;

/// <summary>
/// Saves the live AI-usage inventory to the baseline store every <see cref="Interval"/> (and once when stopping), so
/// scheduled and on-demand reports of a running service include AI usage. Failures are logged and retried next time.
/// </summary>
public sealed partial class AiUsagePersistenceService(AiUsageInventory inventory, IBaselineStore store, TimeProvider time,
    ILogger<AiUsagePersistenceService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) await SaveAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the final save happens in StopAsync
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves the inventory now, unless it has seen nothing yet.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var report = inventory.Snapshot();
        if (report.To is null) return;
        try
        {
            await AiUsageStore.SaveAsync(store, report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSaveFailed(e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 9010, Level = LogLevel.Warning, Message = "Saving the AI-usage inventory failed ({Error}); retrying at the next interval")]
    private partial void LogSaveFailed(string error);
}
