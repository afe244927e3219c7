using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Enforcement;

/// <summary>
/// A live <c>tcp-reset</c> action: every TCP connection of <see cref="Device"/> (with <see cref="Peer"/> only,
/// when given) is torn down on its next packet until <see cref="ExpiresTicks"/> (UTC ticks; packet clock).
/// </summary>
public sealed record ResetRule(string ActionId, IpAddr Device, IpAddr? Peer, long ExpiresTicks)
{
    public bool Matches(IpAddr source, IpAddr destination) =>
        Peer is { } peer
            ? (source == Device && destination == peer) || (source == peer && destination == Device)
            : source == Device || destination == Device;
}

/// <summary>The packet a RST pair was built from: its capture time (UTC ticks) and TCP header fields.</summary>
public readonly record struct ResetTrigger(long TimestampTicks, IpAddr SourceIp, IpAddr DestinationIp, ushort SourcePort,
    ushort DestinationPort, uint Sequence, uint Acknowledgment, TcpFlags Flags, int PayloadLength);

/// <summary>Sends a crafted frame out of the interface the traffic was seen on (pcap_sendpacket).</summary>
public interface IPacketInjector
{
    /// <summary>The injecting interface's own MAC: the Ethernet source of every RST (never spoof endpoints' MACs).</summary>
    MacAddress HardwareAddress { get; }

    void Inject(ReadOnlySpan<byte> frame);

    /// <summary>Prepares the send path (native stubs) without sending anything.</summary>
    void WarmUp() { }
}
