namespace AutoRespond.Reports.Model;

/// <summary>An incident as the report tells it: the device, when, how bad, what it was, and the correlator's narrative.</summary>
public sealed record ReportIncident(string Id, string DeviceIp, string? Hostname, string? Zone, DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen, double Score, string Category, IReadOnlyList<string> Models, IReadOnlyList<string> Attack,
    string Narrative, string State);
