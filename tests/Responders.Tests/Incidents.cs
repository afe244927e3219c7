using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Tests;

internal static class Incidents
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 5, 23, 0, 0, TimeSpan.Zero);

    public static IncidentScored Scored(double score, string device = "10.10.0.66", string id = "inc-1", int revision = 1,
        DateTimeOffset? time = null, string? zone = null, IReadOnlyList<string>? roles = null) =>
        new(id, revision, time ?? T0, new DeviceRef(device, Zone: zone, Roles: roles), time ?? T0, time ?? T0, score, "reconnaissance",
            [ModelIds.MultipleFailedInternalConnections], ["T1046"], "summary", []);

    public static PlannedAction Action(string target, string kind, DateTimeOffset time, double stepMin = 0.95,
        string? user = null, IReadOnlyList<string>? roles = null, ScopeConfig? stepScope = null, TimeSpan? duration = null) =>
        new("act-" + kind + "-" + target, Scored(0.97, device: target, time: time, roles: roles), kind, target, 2, stepMin,
            duration ?? TimeSpan.FromHours(1), time, user, stepScope);

    public static WindowConfig Window(string name, DateTimeOffset start, DateTimeOffset end, string? rrule = null, string? tz = null,
        string[]? devices = null, string[]? zones = null, string[]? users = null, string[]? actions = null,
        WindowEffect effect = WindowEffect.Suppress, double? capScore = null) =>
        new(name, start, end, rrule, tz,
            new WindowScope([.. (devices ?? []).Select(d => IPNetwork.Parse(d.Contains('/') ? d : d + "/32"))], zones ?? [], users ?? [], actions ?? []),
            effect, capScore);
}
