namespace AutoRespond.Fuzz;

/// <summary>
/// A header or length field inside a frame: <see cref="Bits"/> is 4 (a nibble at <see cref="Shift"/>), 8, 16 or 24;
/// multi-byte fields are big-endian unless <see cref="LittleEndian"/>.
/// </summary>
public readonly record struct LengthField(string Name, int Offset, int Bits, bool LittleEndian = false, int Shift = 0)
{
    public int Bytes => Bits <= 8 ? 1 : Bits / 8;

    public uint Max => Bits == 4 ? 0xFu : (uint)((1L << Bits) - 1);

    public uint Read(ReadOnlySpan<byte> b)
    {
        if (Bits == 4)
        {
            return (uint)(b[Offset] >> Shift) & 0xF;
        }

        uint v = 0;
        for (int i = 0; i < Bytes; i++)
        {
            v = (v << 8) | b[LittleEndian ? Offset + Bytes - 1 - i : Offset + i];
        }

        return v;
    }

    public void Write(Span<byte> b, uint value)
    {
        value &= Max;
        if (Bits == 4)
        {
            b[Offset] = (byte)((b[Offset] & ~(0xF << Shift)) | (int)(value << Shift));
            return;
        }

        for (int i = 0; i < Bytes; i++)
        {
            byte part = (byte)(value >> (8 * (Bytes - 1 - i)));
            b[LittleEndian ? Offset + Bytes - 1 - i : Offset + i] = part;
        }
    }
}
