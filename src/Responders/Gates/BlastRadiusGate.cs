using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Policy;

namespace AutoRespond.Responders.Gates;

/// <summary>
/// <c>response.limits</c>: at most <c>max_active_actions</c> live disruptive actions, and at most
/// <c>max_new_actions_per_hour</c> new ones in any hour. Tickets disrupt nothing and are not counted.
/// The limits are those of the policy in force when the action is evaluated.
/// </summary>
public sealed class BlastRadiusGate(PolicyProvider policy, ActiveActionIndex index) : IResponseGate
{
    /// <summary>A gate with fixed limits (replay, tests).</summary>
    public BlastRadiusGate(LimitsConfig limits, ActiveActionIndex index)
        : this(new PolicyProvider(ResponseConfig.Default with { Limits = limits }), index)
    {
    }

    public string Name => "limits";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKinds.Ticket) return ValueTask.FromResult(GateDecision.Allow);
        var limits = policy.Current.Response.Limits;
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
