using AutoRespond.Contracts;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>Where dissectors publish (the sensor engine): event time never goes backwards.</summary>
internal interface IDissectorOutput
{
    /// <summary>The event time for packet time <paramref name="ticks"/>, clamped so events stay in order.</summary>
    DateTimeOffset EventTime(long ticks);

    void Publish(NetworkEvent networkEvent);

    /// <summary>
    /// DHCP named a MAC's host (<paramref name="hostname"/>, when the message carried one) and/or bound an address
    /// to it (<paramref name="ip"/>, unspecified when none): update the device view.
    /// </summary>
    void OnHostname(MacAddress mac, IpAddr ip, string? hostname, int vlan, long ticks);
}

/// <summary>What every session shares: settings, counters and the output.</summary>
internal sealed class DissectorContext(DissectorOptions options, DissectorStats stats,
    Reassembly.ReassemblyStats reassembly, IDissectorOutput output, ulong uidSeed)
{
    public DissectorOptions Options { get; } = options;

    public DissectorStats Stats { get; } = stats;

    public Reassembly.ReassemblyStats Reassembly { get; } = reassembly;

    public IDissectorOutput Output { get; } = output;

    public ulong UidSeed { get; } = uidSeed;
}
