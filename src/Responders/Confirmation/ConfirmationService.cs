using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Expiry;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Policy;
using AutoRespond.Storage;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Responders.Confirmation;

/// <summary>
/// A person's say over held actions, on the ledger (the API exposes it): approve (carry it out), deny
/// (<c>released</c>, nothing sent), extend (a longer wait, or a later expiry) and release (end an action in
/// force: <c>released</c>, reverted at its target). Every call names the actor and a reason, both kept in
/// the action's history. Held actions nobody answers within <see cref="ConfirmationOptions.ApprovalTimeout"/>
/// take the configured fail-safe (<see cref="CheckTimeoutsAsync"/>). Every transition is guarded by the
/// state it was read in, so two people (or a person and the timeout) cannot both act. An approval in dry-run mode
/// (of the policy in force at the time) is recorded as dry-run and sends nothing.
/// </summary>
public sealed partial class ConfirmationService(IActionLedger ledger, IActionDispatcher dispatcher, ActiveActionIndex index,
    ActionReverter reverter, TimeProvider time, ConfirmationOptions options, PolicyProvider policy,
    ILogger<ConfirmationService> logger, OffenderHistory? offenders = null)
{
    public const string TimeoutActor = "confirmation-timeout";

    public Task<ConfirmationResult> ApproveAsync(string actionId, string actor, string reason, CancellationToken cancellationToken) =>
        WithAwaitingAsync(actionId, snapshot => CarryOutAsync(snapshot, actor, $"approved by {actor}: {reason}", cancellationToken),
            cancellationToken);

    public Task<ConfirmationResult> DenyAsync(string actionId, string actor, string reason, CancellationToken cancellationToken) =>
        WithAwaitingAsync(actionId, async snapshot =>
        {
            var entry = snapshot.Action;
            if (!await ledger.TransitionAsync(entry.ActionId, ActionStates.Released, actor, $"denied by {actor}: {reason}",
                    time.GetUtcNow(), ActionStates.AwaitingConfirmation, cancellationToken: cancellationToken))
                return Changed(entry.ActionId);
            index.Update(entry.ActionId, ActionStates.Released);
            LogAnswered(logger, entry.ActionId, "denied", actor);
            return new ConfirmationResult(ConfirmationStatus.Done, ActionStates.Released, "denied; nothing was sent");
        }, cancellationToken);

    /// <summary>
    /// A held action waits <paramref name="by"/> longer for a person; an action in force (or dry-run) expires
    /// <paramref name="by"/> later. Kept as a marker in the history (<see cref="LedgerMarkers"/>).
    /// </summary>
    public async Task<ConfirmationResult> ExtendAsync(string actionId, string actor, string reason, TimeSpan by,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        if (await ledger.GetAsync(actionId, cancellationToken) is not { } snapshot) return NotFound(actionId);
        var entry = snapshot.Action;
        (string marker, DateTimeOffset until) = entry.State switch
        {
            ActionStates.AwaitingConfirmation => (LedgerMarkers.ApprovalDeadline, DeadlineOf(snapshot) + by),
            _ when LedgerMarkers.EffectiveExpiry(snapshot) is { } expires
                && (LedgerStates.Active.Contains(entry.State) || entry.State == ActionStates.DryRun) => (LedgerMarkers.Expires, expires + by),
            _ => ("", default),
        };
        if (marker.Length == 0)
            return new ConfirmationResult(ConfirmationStatus.WrongState, entry.State, $"{actionId} is {entry.State} and does not expire");
        if (!await ledger.TransitionAsync(actionId, entry.State, actor, $"{LedgerMarkers.Format(marker, until)} extended by {actor}: {reason}",
                time.GetUtcNow(), entry.State, cancellationToken: cancellationToken))
            return Changed(actionId);
        if (marker == LedgerMarkers.Expires) index.SetExpires(actionId, until);
        LogAnswered(logger, actionId, "extended", actor);
        return new ConfirmationResult(ConfirmationStatus.Done, entry.State, $"{marker} now {until:u}");
    }

    /// <summary>Ends an action in force (reverting it where its kind can be undone), or a held one as if denied.</summary>
    public async Task<ConfirmationResult> ReleaseAsync(string actionId, string actor, string reason, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(actionId, cancellationToken) is not { } snapshot) return NotFound(actionId);
        var entry = snapshot.Action;
        if (!(LedgerStates.Active.Contains(entry.State) || entry.State is ActionStates.DryRun or ActionStates.AwaitingConfirmation))
            return new ConfirmationResult(ConfirmationStatus.WrongState, entry.State, $"{actionId} is {entry.State}: nothing to release");
        var outcome = await reverter.EndAsync(entry, ActionStates.Released, actor, $"released by {actor}: {reason}",
            time.GetUtcNow(), cancellationToken);
        LogAnswered(logger, actionId, "released", actor);
        return outcome switch
        {
            EndOutcome.Lost => Changed(actionId),
            EndOutcome.RevertFailed => new ConfirmationResult(ConfirmationStatus.Done, ActionStates.Failed, "released, but the revert failed"),
            EndOutcome.Reverted => new ConfirmationResult(ConfirmationStatus.Done, ActionStates.Released, "released and reverted"),
            _ => new ConfirmationResult(ConfirmationStatus.Done, ActionStates.Released, "released; nothing to undo"),
        };
    }

    /// <summary>Applies the fail-safe to every held action past its deadline; returns how many it settled.</summary>
    public async Task<int> CheckTimeoutsAsync(CancellationToken cancellationToken)
    {
        int settled = 0;
        foreach (var pending in index.Pending())
        {
            var now = time.GetUtcNow();
            if (await ledger.GetAsync(pending.ActionId, cancellationToken) is not { } snapshot) continue;
            if (snapshot.Action.State != ActionStates.AwaitingConfirmation)
            {
                index.Update(pending.ActionId, snapshot.Action.State);
                continue;
            }
            var deadline = DeadlineOf(snapshot);
            if (now < deadline) continue;
            string why = $"no answer by {deadline:u} (approval timeout {options.ApprovalTimeout}); fail-safe {options.OnTimeout.ToString().ToLowerInvariant()}";
            ConfirmationResult result;
            if (options.OnTimeout == ConfirmationFailSafe.Act)
            {
                result = await CarryOutAsync(snapshot, TimeoutActor, why, cancellationToken);
            }
            else if (await ledger.TransitionAsync(pending.ActionId, ActionStates.Expired, TimeoutActor, why + ": dropped, nothing sent",
                         now, ActionStates.AwaitingConfirmation, cancellationToken: cancellationToken))
            {
                index.Update(pending.ActionId, ActionStates.Expired);
                result = new ConfirmationResult(ConfirmationStatus.Done, ActionStates.Expired, why);
            }
            else
            {
                result = Changed(pending.ActionId);
            }
            if (result.Succeeded)
            {
                settled++;
                LogTimedOut(logger, pending.ActionId, result.State ?? "");
            }
        }
        return settled;
    }

    /// <summary>When a held action's wait ends: held at + timeout, or the latest extension.</summary>
    public DateTimeOffset DeadlineOf(ActionSnapshot snapshot)
    {
        var heldAt = snapshot.History.LastOrDefault(h => h.ToState == ActionStates.AwaitingConfirmation && h.FromState != h.ToState)?.Time
            ?? snapshot.Action.CreatedAt;
        return LedgerMarkers.Latest(snapshot, LedgerMarkers.ApprovalDeadline) ?? heldAt + options.ApprovalTimeout;
    }

    private async Task<ConfirmationResult> CarryOutAsync(ActionSnapshot snapshot, string actor, string why, CancellationToken cancellationToken)
    {
        var entry = snapshot.Action;
        var now = time.GetUtcNow();
        // The clock of a timed action starts when it is carried out, not when it was held.
        string expiry = entry.ExpiresAt is { } expires ? LedgerMarkers.Format(LedgerMarkers.Expires, now + (expires - entry.CreatedAt)) + " " : "";
        if (!await ledger.TransitionAsync(entry.ActionId, LedgerStates.Requested, actor, expiry + why, now,
                ActionStates.AwaitingConfirmation, cancellationToken: cancellationToken))
            return Changed(entry.ActionId);

        var plan = index.FindById(entry.ActionId)?.Plan ?? PlanFromLedger(entry);
        (string state, string detail, string? undo) = policy.Current.Response.Mode == ResponseMode.DryRun
            ? (ActionStates.DryRun, "dry-run mode, nothing sent", null)
            : await DispatchAsync(plan with { Time = now }, cancellationToken);
        await ledger.TransitionAsync(entry.ActionId, state, actor, detail, now, LedgerStates.Requested, undo, cancellationToken);
        index.Update(entry.ActionId, state);
        if (entry.ExpiresAt is { } e) index.SetExpires(entry.ActionId, now + (e - entry.CreatedAt));
        if (state != ActionStates.Failed) offenders?.Record(entry.Target, entry.Kind, now, entry.ExpiresAt is { } end ? now + (end - entry.CreatedAt) : null);
        LogAnswered(logger, entry.ActionId, state, actor);
        return new ConfirmationResult(ConfirmationStatus.Done, state, detail);
    }

    private async Task<(string, string, string?)> DispatchAsync(PlannedAction plan, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await dispatcher.DispatchAsync(plan, cancellationToken);
            return outcome.Applied ? (ActionStates.Executed, outcome.Detail, outcome.UndoState) : (ActionStates.Failed, outcome.Detail, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (ActionStates.Failed, e.GetType().Name + ": " + e.Message, null);
        }
    }

    /// <summary>After a restart the engine's plan is gone: rebuild what an executor needs from the ledger row.</summary>
    private static PlannedAction PlanFromLedger(ActionLedgerEntry entry)
    {
        var incident = new IncidentScored(entry.IncidentId, 0, entry.CreatedAt, new DeviceRef(entry.Target), entry.CreatedAt,
            entry.CreatedAt, 0, "unknown", [], [], entry.Reason, []);
        return new PlannedAction(entry.ActionId, incident, entry.Kind, entry.Target, 0, 0,
            entry.ExpiresAt - entry.CreatedAt, entry.CreatedAt);
    }

    private async Task<ConfirmationResult> WithAwaitingAsync(string actionId, Func<ActionSnapshot, Task<ConfirmationResult>> act,
        CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(actionId, cancellationToken) is not { } snapshot) return NotFound(actionId);
        return snapshot.Action.State == ActionStates.AwaitingConfirmation
            ? await act(snapshot)
            : new ConfirmationResult(ConfirmationStatus.WrongState, snapshot.Action.State,
                $"{actionId} is {snapshot.Action.State}, not awaiting confirmation");
    }

    private static ConfirmationResult NotFound(string actionId) => new(ConfirmationStatus.NotFound, null, $"no action {actionId}");

    private static ConfirmationResult Changed(string actionId) =>
        new(ConfirmationStatus.WrongState, null, $"{actionId} was changed by someone else first; nothing done");

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Action `{ActionId}` {Outcome} by `{Actor}`")]
    private static partial void LogAnswered(ILogger logger, string actionId, string outcome, string actor);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Action `{ActionId}` was not answered in time: {State}")]
    private static partial void LogTimedOut(ILogger logger, string actionId, string state);
}
