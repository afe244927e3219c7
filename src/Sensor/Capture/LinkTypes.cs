namespace AutoRespond.Sensor.Capture;

/// <summary>The pcap LINKTYPE_* values the sensor decodes (tcpdump.org/linktypes.html).</summary>
public static class LinkTypes
{
    /// <summary>BSD loopback: 4-byte address family in the capturing host's byte order.</summary>
    public const int Null = 0;

    /// <summary>Ethernet II / 802.3 (DLT_EN10MB).</summary>
    public const int Ethernet = 1;

    /// <summary>DLT_RAW as written by most BSDs and old libpcap (raw IPv4/IPv6).</summary>
    public const int RawBsd12 = 12;

    /// <summary>DLT_RAW as written by OpenBSD.</summary>
    public const int RawBsd14 = 14;

    /// <summary>Raw IP, version from the first nibble.</summary>
    public const int Raw = 101;

    /// <summary>OpenBSD loopback: 4-byte address family in network byte order.</summary>
    public const int Loop = 108;

    /// <summary>Linux "cooked" capture v1 (16-byte header).</summary>
    public const int LinuxSll = 113;

    /// <summary>Raw IPv4 only.</summary>
    public const int Ipv4 = 228;

    /// <summary>Raw IPv6 only.</summary>
    public const int Ipv6 = 229;

    /// <summary>Linux "cooked" capture v2 (20-byte header).</summary>
    public const int LinuxSll2 = 276;
}
