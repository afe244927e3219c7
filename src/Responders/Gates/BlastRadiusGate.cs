using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Gates;

/// <summary>
/// <c>response.limits</c>: at most <c>max_active_actions</c> live disruptive actions, and at most
/// <c>max_new_actions_per_hour</c> new ones in any hour. Tickets disrupt nothing and are not counted.
/// </summary>
public sealed class BlastRadiusGate(LimitsConfig limits, ActiveActionIndex index) : IResponseGate
{
    public string Name => "limits";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKinds.Ticket) return ValueTask.FromResult(GateDecision.Allow);
        int active = index.CountActive(action.Time);
        if (active >= limits.MaxActiveActions)
            return ValueTask.FromResult(GateDecision.Deny(ActionStates.BlockedLimit,
                $"{active} actions already active (max_active_actions {limits.MaxActiveActions})"));
        int lastHour = index.CountCreatedSince(action.Time - TimeSpan.FromHours(1));
        if (lastHour >= limits.MaxNewActionsPerHour)
            return ValueTask.FromResult(GateDecision.Deny(ActionStates.BlockedLimit,
                $"{lastHour} actions started in the last hour (max_new_actions_per_hour {limits.MaxNewActionsPerHour})"));
        return ValueTask.FromResult(GateDecision.Allow);
    }
}
