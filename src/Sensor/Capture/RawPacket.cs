namespace AutoRespond.Sensor.Capture;

/// <summary>
/// One captured frame as read from a file or interface. <see cref="Data"/> points into the reader's
/// reusable buffer and is valid only until the reader's next read.
/// </summary>
public readonly ref struct RawPacket
{
    public RawPacket(long timestampTicks, int linkType, int originalLength, ReadOnlySpan<byte> data, int interfaceId = 0)
    {
        TimestampTicks = timestampTicks;
        LinkType = linkType;
        OriginalLength = originalLength;
        Data = data;
        InterfaceId = interfaceId;
    }

    /// <summary>Capture time as UTC <see cref="DateTime.Ticks"/> (100 ns since 0001-01-01).</summary>
    public long TimestampTicks { get; }

    /// <summary>pcap LINKTYPE_* of the frame (see <see cref="LinkTypes"/>).</summary>
    public int LinkType { get; }

    /// <summary>Length of the frame on the wire; <see cref="Data"/> may be shorter (snap length).</summary>
    public int OriginalLength { get; }

    /// <summary>The captured bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>pcapng interface index within its section (0 for classic pcap and live capture).</summary>
    public int InterfaceId { get; }

    /// <summary>The capture time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => new(TimestampTicks, TimeSpan.Zero);
}
