using AutoRespond.Contracts;

namespace AutoRespond.Responders.Tests;

internal static class Incidents
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 5, 23, 0, 0, TimeSpan.Zero);

    public static IncidentScored Scored(double score, string device = "10.10.0.66", string id = "inc-1", int revision = 1,
        DateTimeOffset? time = null, string? zone = null) =>
        new(id, revision, time ?? T0, new DeviceRef(device, Zone: zone), time ?? T0, time ?? T0, score, "reconnaissance",
            [ModelIds.MultipleFailedInternalConnections], ["T1046"], "summary", []);
}
