namespace AutoRespond.Sensor.Decoding;

/// <summary>What the decoder found at the network layer.</summary>
public enum PacketKind : byte
{
    /// <summary>Not IP and not ARP (e.g. STP, LLDP, 802.3 LLC, unknown EtherType).</summary>
    Other,
    Arp,
    IPv4,
    IPv6,
}

/// <summary>TCP header flags.</summary>
[Flags]
public enum TcpFlags : byte
{
    None = 0,
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
    Urg = 0x20,
    Ece = 0x40,
    Cwr = 0x80,
}

/// <summary>
/// The decoded headers of one frame. Spans point into the frame passed to the decoder and are valid as long as it is.
/// Lengths named "wire" come from the IP header, so they stay right when the capture cut the frame short.
/// </summary>
public ref struct DecodedPacket
{
    public ReadOnlySpan<byte> Frame { get; internal set; }

    public int LinkType { get; internal set; }

    public PacketKind Kind { get; internal set; }

    public MacAddress SourceMac { get; internal set; }

    public MacAddress DestinationMac { get; internal set; }

    /// <summary>Innermost 802.1Q/802.1ad VLAN id (TCI &amp; 0x0FFF), or -1 when untagged.</summary>
    public int Vlan { get; internal set; }

    public ushort EtherType { get; internal set; }

    public ushort ArpOperation { get; internal set; }

    public MacAddress ArpSenderMac { get; internal set; }

    public IpAddr ArpSenderIp { get; internal set; }

    public MacAddress ArpTargetMac { get; internal set; }

    public IpAddr ArpTargetIp { get; internal set; }

    public IpAddr SourceIp { get; internal set; }

    public IpAddr DestinationIp { get; internal set; }

    /// <summary>Transport protocol number after any IPv6 extension headers.</summary>
    public byte Protocol { get; internal set; }

    public byte Ttl { get; internal set; }

    /// <summary>Offset of the IP header within <see cref="Frame"/>.</summary>
    public int IpOffset { get; internal set; }

    /// <summary>IP header length, including IPv6 extension headers.</summary>
    public int IpHeaderLength { get; internal set; }

    /// <summary>Wire length of the IP packet (IPv4 total length; IPv6 40 + payload length) — Zeek's ip_bytes.</summary>
    public int IpTotalLength { get; internal set; }

    /// <summary>A non-first fragment: no transport header was decoded.</summary>
    public bool IsFragment { get; internal set; }

    public bool MoreFragments { get; internal set; }

    public int FragmentOffset { get; internal set; }

    /// <summary>The capture holds fewer bytes than the IP header announces (snap length).</summary>
    public bool Truncated { get; internal set; }

    /// <summary>A TCP, UDP, ICMP or ICMPv6 header was decoded.</summary>
    public bool HasTransport { get; internal set; }

    /// <summary>Offset of the transport header within <see cref="Frame"/>.</summary>
    public int TransportOffset { get; internal set; }

    public ushort SourcePort { get; internal set; }

    public ushort DestinationPort { get; internal set; }

    public TcpFlags TcpFlags { get; internal set; }

    public uint Sequence { get; internal set; }

    public uint Acknowledgment { get; internal set; }

    public ushort Window { get; internal set; }

    /// <summary>TCP header length (data offset × 4).</summary>
    public int TcpHeaderLength { get; internal set; }

    /// <summary>The UDP header's length field.</summary>
    public ushort UdpLength { get; internal set; }

    /// <summary>Wire length of the transport payload, from the IP length.</summary>
    public int PayloadLength { get; internal set; }

    /// <summary>The captured part of the transport payload.</summary>
    public ReadOnlySpan<byte> Payload { get; internal set; }

    public byte IcmpType { get; internal set; }

    public byte IcmpCode { get; internal set; }

    /// <summary>An ICMP destination-unreachable quoted the offending packet's header.</summary>
    public bool HasQuote { get; internal set; }

    public byte QuotedProtocol { get; internal set; }

    public IpAddr QuotedSource { get; internal set; }

    public IpAddr QuotedDestination { get; internal set; }

    public ushort QuotedSourcePort { get; internal set; }

    public ushort QuotedDestinationPort { get; internal set; }

    public readonly bool IsIp => Kind is PacketKind.IPv4 or PacketKind.IPv6;

    public readonly bool IsTcp => HasTransport && Protocol == 6;

    public readonly bool IsUdp => HasTransport && Protocol == 17;

    public readonly bool IsIcmp => HasTransport && Protocol is 1 or 58;
}
