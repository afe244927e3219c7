namespace AutoRespond.Api.Devices;

/// <summary>
/// A device's pattern of life: its usual peers, ports (<c>502/tcp</c>), protocols (Zeek service names, else the
/// transport) and ICS commands (<c>s7comm:read-var</c>), most frequent first.
/// </summary>
public sealed record DevicePattern(IReadOnlyList<Tally> Peers, IReadOnlyList<Tally> Ports, IReadOnlyList<Tally> Protocols,
    IReadOnlyList<Tally> IcsCommands)
{
    public static DevicePattern Empty { get; } = new([], [], [], []);
}
