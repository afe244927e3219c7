namespace AutoRespond.Storage;

/// <summary>A window's scope as text: device CIDRs or addresses, zone names, user principal names, action kinds.</summary>
public sealed record StoredWindowScope(
    IReadOnlyList<string> Devices,
    IReadOnlyList<string> Zones,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Actions)
{
    public static StoredWindowScope Empty { get; } = new([], [], [], []);
}
