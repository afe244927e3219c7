namespace AutoRespond.Sensor.Dissectors.Dnp3;

/// <summary>DNP3's CRC-16 (polynomial 0x3D65, reflected, complemented), stored little-endian after each block.</summary>
internal static class Dnp3Crc
{
    private static readonly ushort[] Table = Build();

    public static bool Check(ReadOnlySpan<byte> block, ReadOnlySpan<byte> crc)
    {
        int value = 0;
        foreach (byte b in block)
        {
            value = (value >> 8) ^ Table[(value ^ b) & 0xFF];
        }

        value = ~value & 0xFFFF;
        return crc.Length >= 2 && crc[0] == (value & 0xFF) && crc[1] == (value >> 8);
    }

    private static ushort[] Build()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            int crc = i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA6BC : crc >> 1;
            }

            table[i] = (ushort)crc;
        }

        return table;
    }
}
