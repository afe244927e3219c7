using AutoRespond.Contracts;
using AutoRespond.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Expiry;

/// <summary>Options of <see cref="ActionExpiryService"/>.</summary>
public sealed record ExpiryOptions
{
    /// <summary>How often the ledger is polled for due actions. The default value is 30 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Due actions read per query. The default value is 100.</summary>
    public int BatchSize { get; init; } = 100;
}

/// <summary>
/// Expiry from the ledger (docs/decisions/0005-ledger-driven-expiry.md): on <see cref="TimeProvider"/> ticks,
/// reads the actions whose expiry has passed (<see cref="IActionLedger.ListDueForExpiryAsync"/>) and ends each
/// one through <see cref="ActionReverter"/>: state <c>expired</c>, reverted at its target exactly once. The
/// timers live in the database, so a restart loses none; a sweep right at start-up catches up on anything
/// that fell due while the service was down.
/// </summary>
public sealed partial class ActionExpiryService(IActionLedger ledger, ActionReverter reverter, TimeProvider time,
    ExpiryOptions options, ILogger<ActionExpiryService> logger) : BackgroundService
{
    public const string Actor = "expiry";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Ends every action due now; returns how many this call ended.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        int ended = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await ledger.ListDueForExpiryAsync(now, options.BatchSize, cancellationToken);
            int endedInBatch = 0;
            foreach (var entry in due)
            {
                if (await ledger.GetAsync(entry.ActionId, cancellationToken) is not { } snapshot
                    || !LedgerStates.Expirable.Contains(snapshot.Action.State, StringComparer.Ordinal)) continue;
                var expires = LedgerMarkers.EffectiveExpiry(snapshot) ?? entry.ExpiresAt ?? now;
                if (expires > now) continue; // extended
                var outcome = await reverter.EndAsync(snapshot.Action, ActionStates.Expired, Actor,
                    $"expired at {expires:u}", now, cancellationToken);
                if (outcome != EndOutcome.Lost) endedInBatch++;
            }
            ended += endedInBatch;
            if (due.Count < options.BatchSize || endedInBatch == 0) break;
        }
        if (ended > 0) LogSwept(logger, ended);
        return ended;
    }

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Expiry ended {Count} action(s)")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Error, Message = "Expiry sweep failed; retrying on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
