using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Gates;

/// <summary>Device roles the response engine reads (named by the brain on <see cref="DeviceRef.Roles"/>).</summary>
public static class DeviceRoles
{
    /// <summary>A controller that answers on an ICS port with a valid ICS protocol: a PLC or RTU (DETECTION.md §2.0).</summary>
    public const string IcsServer = "ics-server";
}

/// <summary>
/// OT safety: a TCP reset or a switch quarantine can stop a process an ICS server runs, so neither is taken
/// against a device with the <see cref="DeviceRoles.IcsServer"/> role unless the ladder step that asks for it
/// names that role in its scope (an explicit decision by whoever wrote the policy). Recorded as
/// <c>blocked-protected</c>; tickets and the other kinds are not affected.
/// </summary>
public sealed class OtSafetyGate : IResponseGate
{
    /// <summary>The kinds that interrupt a device's live traffic.</summary>
    public static readonly IReadOnlyList<string> DisruptiveKinds = [ActionKinds.TcpReset, ActionKinds.SwitchQuarantine];

    public string Name => "ot-safety";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(action));

    private static GateDecision Evaluate(PlannedAction action)
    {
        if (!DisruptiveKinds.Contains(action.Kind, StringComparer.Ordinal)) return GateDecision.Allow;
        if (action.Incident.Device.Roles is not { } roles || !roles.Contains(DeviceRoles.IcsServer, StringComparer.OrdinalIgnoreCase))
            return GateDecision.Allow;
        if (action.StepScope?.Roles.Contains(DeviceRoles.IcsServer, StringComparer.OrdinalIgnoreCase) == true)
            return GateDecision.Allow;
        return GateDecision.Deny(ActionStates.BlockedProtected,
            $"OT safety: no {action.Kind} against {action.Target}, an ICS server (role {DeviceRoles.IcsServer}), "
            + $"unless the ladder step's scope names the role {DeviceRoles.IcsServer}");
    }
}
