using AutoRespond.Contracts;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>A realistic incident: a workstation probing SMB/RDP on many internal hosts.</summary>
internal static class SampleIncidents
{
    private static readonly DateTimeOffset Start = new(2025, 11, 25, 14, 3, 7, TimeSpan.Zero);

    public static IncidentScored FailedInternalConnections(string id)
    {
        var device = new DeviceRef("10.20.30.41", "02:42:ac:14:1e:29", "ws-fin-041", "office");
        var breach = new Breach(
            Id: $"{id}-b1",
            Model: ModelIds.MultipleFailedInternalConnections,
            Time: Start.AddSeconds(58),
            Device: device,
            Score: 0.87,
            Summary: "ws-fin-041 failed to connect to 12 internal hosts on 445/tcp and 3389/tcp within 60 s",
            Evidence: new Dictionary<string, object>
            {
                ["failed_targets"] = 12,
                ["window_seconds"] = 60,
                ["rejected_ratio"] = 0.92,
                ["ports"] = new[] { 445, 3389 },
                ["first_target"] = "10.20.30.7",
                ["new_behaviour"] = true,
            },
            Peers: ["10.20.30.7", "10.20.30.9", "10.20.31.12"]);

        return new IncidentScored(
            Id: id,
            Revision: 1,
            Time: Start.AddMinutes(1),
            Device: device,
            FirstSeen: Start,
            LastSeen: Start.AddSeconds(58),
            Score: 0.87,
            Category: "lateral-movement",
            Models: [ModelIds.MultipleFailedInternalConnections],
            Attack: ["T1046", "T1021.002"],
            Summary: "ws-fin-041 scanned internal SMB/RDP services after hours",
            Breaches: [breach]);
    }
}
