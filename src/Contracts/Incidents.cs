namespace AutoRespond.Contracts;

/// <summary>The device an incident or breach is about.</summary>
/// <param name="Roles">Roles the brain has inferred for the device (such as <c>ics-server</c>), or null when unknown.
/// Ladder steps scope by them, and the OT safety gate reads them.</param>
public sealed record DeviceRef(
    string Ip, string? Mac = null, string? Hostname = null, string? Zone = null, IReadOnlyList<string>? Roles = null);

/// <summary>
/// A model breach: one behaviour of one device judged unusual, with the numbers that made it so.
/// Evidence values are strings, numbers or booleans (or lists of them); they are printed as JSON.
/// </summary>
public sealed record Breach(
    string Id,
    string Model,
    DateTimeOffset Time,
    DeviceRef Device,
    double Score,
    string Summary,
    IReadOnlyDictionary<string, object> Evidence,
    IReadOnlyList<string> Peers);

/// <summary>
/// Brain → response engine: an incident, published again (same <see cref="Id"/>) each time it grows
/// or its score changes. <see cref="Revision"/> increases with every publication.
/// </summary>
public sealed record IncidentScored(
    string Id,
    int Revision,
    DateTimeOffset Time,
    DeviceRef Device,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    double Score,
    string Category,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Attack,
    string Summary,
    IReadOnlyList<Breach> Breaches);
