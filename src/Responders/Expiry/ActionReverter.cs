using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Storage;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Expiry;

/// <summary>How ending an action went.</summary>
public enum EndOutcome
{
    /// <summary>Another worker (or a person) changed the action first: nothing was done here.</summary>
    Lost,

    /// <summary>Ended with nothing to undo: never applied (dry-run, held) or a kind that cannot be undone.</summary>
    Ended,

    /// <summary>Ended and undone at the target.</summary>
    Reverted,

    /// <summary>Ended, but the revert failed: the action is now <c>failed</c> and may still be in force.</summary>
    RevertFailed,
}

/// <summary>
/// Ends an action (expiry or release) exactly once. It first claims the action with a guarded transition
/// (from the state it was read in to <c>expired</c> or <c>released</c>): of two workers, only one wins,
/// so only one sends the revert. The winner then reverts where the kind can be undone and records the
/// outcome. A crash between claim and revert leaves the action ended but not reverted: the ledger history
/// shows the claim without a "reverted" entry (docs/decisions/0005-ledger-driven-expiry.md).
/// </summary>
public sealed partial class ActionReverter(IActionLedger ledger, IActionDispatcher dispatcher, ActiveActionIndex index,
    ILogger<ActionReverter> logger)
{
    private static readonly string[] AppliedStates = [.. LedgerStates.Active];

    public async Task<EndOutcome> EndAsync(ActionLedgerEntry entry, string toState, string actor, string reason,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await ledger.TransitionAsync(entry.ActionId, toState, actor, reason, now, entry.State, cancellationToken: cancellationToken))
        {
            LogLost(logger, entry.ActionId, toState);
            return EndOutcome.Lost;
        }
        index.Update(entry.ActionId, toState);
        if (!AppliedStates.Contains(entry.State, StringComparer.Ordinal) || !ActionKinds.IsRevertible(entry.Kind))
            return EndOutcome.Ended;

        var header = new ActionHeader(entry.ActionId, entry.IncidentId, entry.Kind, entry.Target, entry.CreatedAt,
            entry.ExpiresAt, entry.Reason, entry.PolicyVersion);
        DispatchOutcome outcome;
        try
        {
            outcome = await dispatcher.RevertAsync(new RevertAction(header, reason, entry.UndoState), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new DispatchOutcome(false, e.GetType().Name + ": " + e.Message);
        }

        if (outcome.Applied)
        {
            await ledger.TransitionAsync(entry.ActionId, toState, actor, "reverted at target: " + outcome.Detail, now, toState,
                cancellationToken: cancellationToken);
            LogReverted(logger, entry.ActionId, entry.Kind, toState);
            return EndOutcome.Reverted;
        }
        await ledger.TransitionAsync(entry.ActionId, ActionStates.Failed, actor,
            "revert failed, the action may still be in force: " + outcome.Detail, now, toState, cancellationToken: cancellationToken);
        LogRevertFailed(logger, entry.ActionId, entry.Kind);
        return EndOutcome.RevertFailed;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Action `{ActionId}` ({Kind}) reverted: {State}")]
    private static partial void LogReverted(ILogger logger, string actionId, string kind, string state);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Action `{ActionId}` ({Kind}) could not be reverted; marked failed")]
    private static partial void LogRevertFailed(ILogger logger, string actionId, string kind);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Action `{ActionId}` changed before it could become {State}; left alone")]
    private static partial void LogLost(ILogger logger, string actionId, string state);
}
