using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Gates;

/// <summary>
/// Change windows: planned work that must not be actioned. A window covers an action when it is open at
/// the action's time and its scope names the target device, the device's zone, or (with no devices,
/// zones or users) everything; <c>scope.actions</c>, when given, limits it to those kinds. Effects:
/// suppress (record only), confirm (hold for a person), cap (steps above <c>cap_score</c> are not taken).
/// Tickets are never suppressed: the people running the change should hear of what was seen.
/// </summary>
public sealed class ChangeWindowGate(IReadOnlyList<WindowConfig> windows, NetworkConfig network) : IResponseGate
{
    public string Name => "change-window";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        if (action.Kind == ActionKinds.Ticket) return ValueTask.FromResult(GateDecision.Allow);
        foreach (var window in windows)
        {
            if (!IsOpen(window, action.Time) || !Covers(window, action)) continue;
            string why = $"inside change window '{window.Name}' ({window.Start:u} – {window.End:u})";
            switch (window.Effect)
            {
                case WindowEffect.Suppress:
                    return ValueTask.FromResult(GateDecision.Deny(ActionStates.SuppressedByWindow, why, window.Name));
                case WindowEffect.Confirm:
                    return ValueTask.FromResult(GateDecision.Hold(why + "; held for confirmation", window.Name));
                case WindowEffect.Cap when action.StepMinScore > (window.CapScore ?? 0):
                    return ValueTask.FromResult(GateDecision.Deny(ActionStates.CappedByWindow,
                        $"{why}; ladder capped at score {window.CapScore:0.00}", window.Name));
            }
        }
        return ValueTask.FromResult(GateDecision.Allow);
    }

    /// <summary>One-off windows only for now: a recurring window (rrule) is treated as its first occurrence.</summary>
    private static bool IsOpen(WindowConfig window, DateTimeOffset time) => time >= window.Start && time < window.End;

    private bool Covers(WindowConfig window, PlannedAction action)
    {
        var scope = window.Scope;
        if (scope.Actions.Count > 0 && !scope.Actions.Contains(action.Kind, StringComparer.Ordinal)) return false;
        if (scope.Devices.Count + scope.Zones.Count + scope.Users.Count == 0) return true;
        if (!IPAddress.TryParse(action.Target, out var ip)) return false;
        if (scope.Devices.Any(d => d.Contains(ip))) return true;
        string? zone = action.Incident.Device.Zone ?? network.ZoneOf(ip, null)?.Name;
        return zone is not null && scope.Zones.Contains(zone, StringComparer.OrdinalIgnoreCase);
    }
}
