using System.Buffers.Binary;
using System.Text;

namespace AutoRespond.Simulation.Protocols;

/// <summary>
/// A growable buffer for composing protocol messages: big-endian by default (network order), little-endian where
/// the method says so (SMB2, RDP negotiation), with back-patching for length fields written before their content.
/// </summary>
internal sealed class ByteWriter
{
    private byte[] _buffer;

    public ByteWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public ByteWriter U8(int value)
    {
        Grow(1)[0] = (byte)value;
        return this;
    }

    public ByteWriter U16(int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Grow(2), (ushort)value);
        return this;
    }

    public ByteWriter U16Le(int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Grow(2), (ushort)value);
        return this;
    }

    public ByteWriter U24(int value)
    {
        Span<byte> s = Grow(3);
        s[0] = (byte)(value >> 16);
        s[1] = (byte)(value >> 8);
        s[2] = (byte)value;
        return this;
    }

    public ByteWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);
        return this;
    }

    public ByteWriter U32Le(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), value);
        return this;
    }

    public ByteWriter U64Le(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Grow(8), value);
        return this;
    }

    public ByteWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Grow(bytes.Length));
        return this;
    }

    public ByteWriter Ascii(string text)
    {
        Encoding.ASCII.GetBytes(text, Grow(Encoding.ASCII.GetByteCount(text)));
        return this;
    }

    public ByteWriter Utf16(string text)
    {
        Encoding.Unicode.GetBytes(text, Grow(Encoding.Unicode.GetByteCount(text)));
        return this;
    }

    public ByteWriter Zeros(int count)
    {
        Grow(count).Clear();
        return this;
    }

    /// <summary>Bytes that look encrypted or compressed: deterministic noise from the simulation's random source.</summary>
    public ByteWriter Noise(Random random, int count)
    {
        random.NextBytes(Grow(count));
        return this;
    }

    /// <summary>Reserves a big-endian length field of <paramref name="width"/> bytes (1, 2 or 3) and returns its offset.</summary>
    public int Reserve(int width)
    {
        int at = Length;
        Grow(width).Clear();
        return at;
    }

    /// <summary>Fills a field reserved with <see cref="Reserve"/> with the number of bytes written after it.</summary>
    public ByteWriter PatchLength(int at, int width)
    {
        int value = Length - at - width;
        for (int i = width - 1, v = value; i >= 0; i--, v >>= 8) _buffer[at + i] = (byte)v;
        return this;
    }

    /// <summary>Overwrites a big-endian 16-bit value.</summary>
    public ByteWriter PatchU16(int at, int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(at), (ushort)value);
        return this;
    }

    /// <summary>Overwrites a little-endian 16-bit value.</summary>
    public ByteWriter PatchU16Le(int at, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(at), (ushort)value);
        return this;
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private Span<byte> Grow(int count)
    {
        if (Length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        Span<byte> span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
