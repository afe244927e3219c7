using System.Buffers.Binary;

namespace AutoRespond.Fuzz;

/// <summary>Variants of seed capture files, so both byte orders and both timestamp resolutions are fuzzed.</summary>
public static class CaptureFileSeeds
{
    /// <summary>A little-endian microsecond pcap rewritten big-endian with nanosecond timestamps; null for other files.</summary>
    public static byte[]? ToBigEndianNanosecond(byte[] pcap)
    {
        if (pcap.Length < 24 || BinaryPrimitives.ReadUInt32LittleEndian(pcap) != 0xA1B2C3D4)
        {
            return null;
        }

        byte[] b = (byte[])pcap.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(b, 0xA1B23C4D);
        Swap16(b, 4);
        Swap16(b, 6);
        for (int at = 8; at < 24; at += 4)
        {
            Swap32(b, at);
        }

        int offset = 24;
        while (offset + 16 <= b.Length)
        {
            uint captured = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset + 8));
            if (captured > b.Length - offset - 16)
            {
                break;
            }

            uint micros = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset + 4));
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(offset + 4), micros * 1000);
            for (int at = 0; at < 16; at += 4)
            {
                Swap32(b, offset + at);
            }

            offset += 16 + (int)captured;
        }

        return b;
    }

    private static void Swap16(byte[] b, int at)
        => BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(at), BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)));

    private static void Swap32(byte[] b, int at)
        => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at), BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)));
}
