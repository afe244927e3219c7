using System.Buffers.Binary;

namespace AutoRespond.Sensor.Capture;

/// <summary>Writes classic little-endian pcap with microsecond timestamps.</summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _snapLength;

    public PcapWriter(Stream stream, int linkType = LinkTypes.Ethernet, int snapLength = CaptureFileReader.MaxCaptureLength,
        bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snapLength);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _snapLength = snapLength;
        LinkType = linkType;

        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], snapLength);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], linkType);
        _stream.Write(header);
    }

    /// <summary>The link type written in the file header.</summary>
    public int LinkType { get; }

    public long PacketsWritten { get; private set; }

    /// <summary>Creates (or overwrites) a pcap file.</summary>
    public static PcapWriter Create(string path, int linkType = LinkTypes.Ethernet)
        => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), linkType);

    /// <summary>Appends one frame; it is cut to the snap length, <paramref name="originalLength"/> defaults to its length.</summary>
    public void Write(long timestampTicks, ReadOnlySpan<byte> frame, int originalLength = -1)
    {
        long sinceEpoch = Math.Max(0, timestampTicks - Timestamps.UnixEpochTicks);
        long seconds = Math.Min(sinceEpoch / 10_000_000, uint.MaxValue);
        long micros = sinceEpoch % 10_000_000 / 10;
        ReadOnlySpan<byte> captured = frame.Length > _snapLength ? frame[.._snapLength] : frame;

        Span<byte> record = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)micros);
        BinaryPrimitives.WriteInt32LittleEndian(record[8..], captured.Length);
        BinaryPrimitives.WriteInt32LittleEndian(record[12..], Math.Max(originalLength, frame.Length));
        _stream.Write(record);
        _stream.Write(captured);
        PacketsWritten++;
    }

    /// <summary>Appends a packet read from another capture (its link type must match this file's).</summary>
    public void Write(in RawPacket packet) => Write(packet.TimestampTicks, packet.Data, packet.OriginalLength);

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
