using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Gates;

/// <summary><c>network.protected</c>: never actioned, whatever the policy. Tickets still go out.</summary>
public sealed class ProtectedAssetGate(NetworkConfig network) : IResponseGate
{
    public string Name => "protected";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKinds.Ticket) return ValueTask.FromResult(GateDecision.Allow);
        bool isProtected = IPAddress.TryParse(action.Target, out var ip) && network.IsProtected(ip);
        return ValueTask.FromResult(isProtected
            ? GateDecision.Deny(ActionStates.BlockedProtected, $"{action.Target} is a protected asset (network.protected)")
            : GateDecision.Allow);
    }
}
