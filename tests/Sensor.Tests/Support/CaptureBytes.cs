using System.Buffers.Binary;

namespace AutoRespond.Sensor.Tests.Support;

/// <summary>Builds small pcap and pcapng files byte by byte, in either byte order, for reader tests.</summary>
internal sealed class CaptureBytes
{
    private readonly MemoryStream _out = new();
    private readonly bool _bigEndian;

    private CaptureBytes(bool bigEndian) => _bigEndian = bigEndian;

    public byte[] ToArray() => _out.ToArray();

    /// <summary>A classic pcap header; <paramref name="nanosecond"/> picks the a1b23c4d magic.</summary>
    public static CaptureBytes Pcap(bool bigEndian, bool nanosecond, int linkType = 1)
    {
        var b = new CaptureBytes(bigEndian);
        b.U32(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4).U16(2).U16(4).U32(0).U32(0).U32(65535).U32((uint)linkType);
        return b;
    }

    public CaptureBytes Record(uint seconds, uint fraction, byte[] data, int originalLength = -1)
    {
        U32(seconds).U32(fraction).U32((uint)data.Length).U32((uint)(originalLength < 0 ? data.Length : originalLength));
        _out.Write(data);
        return this;
    }

    /// <summary>Starts a pcapng file (or a new section) with a section header block.</summary>
    public static CaptureBytes PcapNg(bool bigEndian) => new CaptureBytes(bigEndian).Section();

    public CaptureBytes Section()
    {
        var body = new Body(_bigEndian).U32(0x1A2B3C4D).U16(1).U16(0).U64(ulong.MaxValue);
        return Block(0x0A0D0D0A, body);
    }

    /// <summary>An interface description; <paramref name="tsresol"/> &lt; 0 leaves the option out (µs).</summary>
    public CaptureBytes Interface(int linkType, int tsresol = -1, long tsoffset = 0, int snapLength = 0)
    {
        var body = new Body(_bigEndian).U16((ushort)linkType).U16(0).U32((uint)snapLength);
        if (tsresol >= 0)
        {
            body.U16(9).U16(1).Bytes([(byte)tsresol, 0, 0, 0]);
        }

        if (tsoffset != 0)
        {
            body.U16(14).U16(8).U64((ulong)tsoffset);
        }

        body.U16(0).U16(0);
        return Block(1, body);
    }

    public CaptureBytes Enhanced(int iface, ulong timestamp, byte[] data, int originalLength = -1)
    {
        var body = new Body(_bigEndian).U32((uint)iface).U32((uint)(timestamp >> 32)).U32((uint)timestamp)
            .U32((uint)data.Length).U32((uint)(originalLength < 0 ? data.Length : originalLength)).Padded(data);
        return Block(6, body);
    }

    public CaptureBytes Simple(byte[] data)
        => Block(3, new Body(_bigEndian).U32((uint)data.Length).Padded(data));

    public CaptureBytes Obsolete(int iface, ulong timestamp, byte[] data)
    {
        var body = new Body(_bigEndian).U16((ushort)iface).U16(0).U32((uint)(timestamp >> 32)).U32((uint)timestamp)
            .U32((uint)data.Length).U32((uint)data.Length).Padded(data);
        return Block(2, body);
    }

    /// <summary>A block the reader must skip (name resolution, statistics, custom ...).</summary>
    public CaptureBytes Unknown(uint type, int bodyLength) => Block(type, new Body(_bigEndian).Bytes(new byte[bodyLength]));

    private CaptureBytes Block(uint type, Body body)
    {
        byte[] b = body.ToArray();
        uint total = (uint)(12 + b.Length);
        U32(type).U32(total);
        _out.Write(b);
        return U32(total);
    }

    private CaptureBytes U32(uint v)
    {
        Span<byte> s = stackalloc byte[4];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        }

        _out.Write(s);
        return this;
    }

    private CaptureBytes U16(ushort v)
    {
        Span<byte> s = stackalloc byte[2];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, v);
        }

        _out.Write(s);
        return this;
    }

    private sealed class Body(bool bigEndian)
    {
        private readonly MemoryStream _s = new();

        public byte[] ToArray() => _s.ToArray();

        public Body U16(ushort v)
        {
            Span<byte> b = stackalloc byte[2];
            if (bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v); else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
            _s.Write(b);
            return this;
        }

        public Body U32(uint v)
        {
            Span<byte> b = stackalloc byte[4];
            if (bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
            _s.Write(b);
            return this;
        }

        public Body U64(ulong v)
        {
            Span<byte> b = stackalloc byte[8];
            if (bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, v); else BinaryPrimitives.WriteUInt64LittleEndian(b, v);
            _s.Write(b);
            return this;
        }

        public Body Bytes(byte[] data)
        {
            _s.Write(data);
            return this;
        }

        public Body Padded(byte[] data)
        {
            _s.Write(data);
            _s.Write(new byte[(4 - data.Length % 4) % 4]);
            return this;
        }
    }
}
