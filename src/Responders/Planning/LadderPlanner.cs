using System.Net;
using System.Security.Cryptography;
using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Policy;

namespace AutoRespond.Responders.Planning;

/// <summary>
/// Picks the ladder step for an incident: of the steps whose <c>min_score</c> the score reaches and whose
/// scope covers the device, the one with the highest <c>min_score</c> wins (CONTRACT.md §2). A scope covers
/// a device when its zones, devices and roles are all empty, or when any of them names the device's zone,
/// address or one of its roles. The ladder is data; this class only reads it, from the policy in force
/// (<see cref="PolicyProvider"/>) at the time of the decision.
/// </summary>
public sealed class LadderPlanner(PolicyProvider policy, NetworkConfig network,
    IReadOnlyDictionary<IPAddress, string>? users = null)
{
    /// <summary>A planner with a fixed ladder (replay, tests).</summary>
    public LadderPlanner(ResponseConfig response, NetworkConfig network, IReadOnlyDictionary<IPAddress, string>? users = null)
        : this(new PolicyProvider(response), network, users)
    {
    }

    /// <summary>Plans with the ladder of the policy in force.</summary>
    public IReadOnlyList<PlannedAction> Plan(IncidentScored incident, DateTimeOffset now) =>
        Plan(incident, now, policy.Current.Response);

    /// <summary>Plans with the ladder of <paramref name="response"/> (a snapshot taken by the caller).</summary>
    public IReadOnlyList<PlannedAction> Plan(IncidentScored incident, DateTimeOffset now, ResponseConfig response)
    {
        ArgumentNullException.ThrowIfNull(response);
        int best = -1;
        for (int i = 0; i < response.Ladder.Count; i++)
        {
            var step = response.Ladder[i];
            if (incident.Score < step.MinScore || !InScope(step.Scope, incident.Device)) continue;
            if (best < 0 || step.MinScore > response.Ladder[best].MinScore) best = i;
        }
        if (best < 0) return [];
        var chosen = response.Ladder[best];
        string? user = IPAddress.TryParse(incident.Device.Ip, out var ip) ? users?.GetValueOrDefault(ip) : null;
        return chosen.Actions
            .Select(kind => new PlannedAction(ActionIdFor(incident, kind), incident, kind, incident.Device.Ip,
                best, chosen.MinScore, chosen.Duration, now, user, chosen.Scope))
            .ToArray();
    }

    /// <summary>
    /// The id is a pure function of incident, kind and target, so a re-published incident or a redelivered
    /// command maps to the same action (the idempotency key at the target).
    /// </summary>
    public static string ActionIdFor(IncidentScored incident, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{incident.Id}|{kind}|{incident.Device.Ip}"));
        return "act-" + Convert.ToHexStringLower(hash)[..12];
    }

    private bool InScope(ScopeConfig? scope, DeviceRef device)
    {
        if (scope is null || scope.Zones.Count + scope.Devices.Count + scope.Roles.Count == 0) return true;
        if (device.Roles is { } roles && scope.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase))) return true;
        if (!IPAddress.TryParse(device.Ip, out var ip)) return false;
        if (scope.Devices.Any(d => d.Contains(ip))) return true;
        string? zone = device.Zone ?? network.ZoneOf(ip, null)?.Name;
        return zone is not null && scope.Zones.Contains(zone, StringComparer.OrdinalIgnoreCase);
    }
}
