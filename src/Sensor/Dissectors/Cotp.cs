namespace AutoRespond.Sensor.Dissectors;

/// <summary>TPKT (RFC 1006) framing and the COTP (X.224) header fields (DETECTION.md §1.1).</summary>
internal static class Cotp
{
    public const byte ConnectionRequest = 0xE0;
    public const byte ConnectionConfirm = 0xD0;
    public const byte DisconnectRequest = 0x80;
    public const byte DisconnectConfirm = 0xC0;
    public const byte Data = 0xF0;
    public const byte Error = 0x70;

    /// <summary>Length of the TPKT at the start of <paramref name="d"/> (7..65535), 0 if more bytes are needed, -1 if not TPKT.</summary>
    public static int FrameLength(ReadOnlySpan<byte> d)
    {
        if (d.Length < 4)
        {
            return (d.Length >= 1 && d[0] != 0x03) || (d.Length >= 2 && d[1] != 0x00) ? -1 : 0;
        }

        int length = (d[2] << 8) | d[3];
        return d[0] == 0x03 && d[1] == 0x00 && length >= 7 ? length : -1;
    }

    /// <summary>The COTP PDU code of a whole TPKT (high nibble; CR/CC keep their credit out), or -1 when malformed.</summary>
    public static int Code(ReadOnlySpan<byte> tpkt)
    {
        if (tpkt.Length < 6 || tpkt[4] + 5 > tpkt.Length || tpkt[4] < 1)
        {
            return -1;
        }

        int code = tpkt[5] & 0xF0;
        return code == 0xE0 || code == 0xD0 ? code : tpkt[5];
    }

    /// <summary>The bytes after a CR/CC/DR fixed part (TPKT offset 11), up to the end of the TPKT.</summary>
    public static ReadOnlySpan<byte> ConnectVariablePart(ReadOnlySpan<byte> tpkt) => tpkt.Length > 11 ? tpkt[11..] : [];
}
