namespace AutoRespond.Brain.Ai;

/// <summary>
/// One AI service in the inventory: "what AI are we using, who uses it, is our data going there". Bytes up are what
/// internal devices sent (payload bytes of finished connections), bytes down what they received.
/// </summary>
public sealed record AiServiceUsage(string Id, string Name, string Vendor, string Category, bool Sanctioned,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long BytesUp, long BytesDown, int Connections,
    IReadOnlyList<string> Hosts, IReadOnlyList<AiDeviceUsage> Devices)
{
    /// <summary>The distinct users (from <c>integrations.users</c>) of the devices, sorted.</summary>
    public IReadOnlyList<string> Users => [.. Devices.Select(d => d.User).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
}
