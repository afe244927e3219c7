using AutoRespond.Storage;

namespace AutoRespond.Responders.Engine;

/// <summary>
/// Writes decisions to the durable action ledger: a new action is recorded with its first state, a changed
/// decision for a known action is a state transition, an unchanged one is not written again. The entry's policy
/// version is the decision's (<see cref="ActionDecision.PolicyVersion"/>), else <paramref name="policyVersion"/>; an
/// executed action's undo state is stored with it.
/// </summary>
public sealed class LedgerActionRecorder(IActionLedger ledger, int policyVersion = 1) : IActionRecorder
{
    public const string Actor = "response-engine";

    public async ValueTask<bool> RecordAsync(ActionDecision decision, CancellationToken cancellationToken)
    {
        var existing = await ledger.GetAsync(decision.ActionId, cancellationToken);
        if (existing is null)
        {
            var entry = new ActionLedgerEntry(decision.ActionId, decision.IncidentId, decision.Kind, decision.Target,
                decision.State, decision.Time, decision.Expires, decision.PolicyVersion ?? policyVersion, decision.Window, decision.Reason,
                decision.UndoState);
            return await ledger.RecordAsync(entry, Actor, decision.Reason, cancellationToken);
        }
        if (existing.Action.State == decision.State) return false;
        return await ledger.TransitionAsync(decision.ActionId, decision.State, Actor, decision.Reason, decision.Time,
            existing.Action.State, decision.UndoState, cancellationToken);
    }
}
