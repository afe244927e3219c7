using System.Buffers.Binary;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>Bounds-checked big-/little-endian reads over a span: every read reports failure instead of throwing.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly ReadOnlySpan<byte> Rest => _data[Position..];

    public bool U8(out int value)
    {
        value = 0;
        if (Remaining < 1)
        {
            return false;
        }

        value = _data[Position++];
        return true;
    }

    public bool U16(out int value)
    {
        value = 0;
        if (Remaining < 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_data[Position..]);
        Position += 2;
        return true;
    }

    public bool U16Le(out int value)
    {
        value = 0;
        if (Remaining < 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16LittleEndian(_data[Position..]);
        Position += 2;
        return true;
    }

    public bool U24(out int value)
    {
        value = 0;
        if (Remaining < 3)
        {
            return false;
        }

        value = (_data[Position] << 16) | (_data[Position + 1] << 8) | _data[Position + 2];
        Position += 3;
        return true;
    }

    public bool U32(out uint value)
    {
        value = 0;
        if (Remaining < 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(_data[Position..]);
        Position += 4;
        return true;
    }

    public bool U32Le(out uint value)
    {
        value = 0;
        if (Remaining < 4)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32LittleEndian(_data[Position..]);
        Position += 4;
        return true;
    }

    public bool Bytes(int count, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (count < 0 || Remaining < count)
        {
            return false;
        }

        value = _data.Slice(Position, count);
        Position += count;
        return true;
    }

    public bool Skip(int count) => Bytes(count, out _);
}
