using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Gates;

/// <summary>
/// An action of the same kind already live against the same target is not taken twice (Zeek NetControl
/// drops duplicates by (entity, kind)). A re-published incident therefore adds only the new kinds its
/// higher step brings. Tickets are per incident.
/// </summary>
public sealed class DuplicateActionGate(ActiveActionIndex index) : IResponseGate
{
    public string Name => "duplicate";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var live = index.Find(action.Target, action.Kind, action.Time);
        // One ticket per incident: a new incident about the same device gets its own.
        if (live is not null && action.Kind == Contracts.ActionKinds.Ticket && live.IncidentId != action.Incident.Id) live = null;
        return ValueTask.FromResult(live is null
            ? GateDecision.Allow
            : GateDecision.Duplicate($"{action.Kind} against {action.Target} already {live.State} as {live.ActionId}"));
    }
}
