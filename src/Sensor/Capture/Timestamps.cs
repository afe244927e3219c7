namespace AutoRespond.Sensor.Capture;

/// <summary>Conversions between capture timestamps and UTC ticks, clamped to the <see cref="DateTime"/> range.</summary>
public static class Timestamps
{
    /// <summary>Ticks of 1970-01-01T00:00:00Z.</summary>
    public const long UnixEpochTicks = 621_355_968_000_000_000;

    private const long MaxTicks = 3_155_378_975_999_999_999; // DateTime.MaxValue.Ticks

    /// <summary>Seconds and a fraction in units of 10^-<paramref name="decimalDigits"/> s to ticks.</summary>
    public static long FromUnix(long seconds, long fraction, int decimalDigits)
    {
        long fracTicks = decimalDigits switch
        {
            6 => fraction * 10,
            9 => fraction / 100,
            _ => ScaleDecimal(fraction, decimalDigits),
        };
        return Clamp((Int128)seconds * 10_000_000 + fracTicks + UnixEpochTicks);
    }

    /// <summary>A pcapng 64-bit timestamp in units of the interface resolution to ticks.</summary>
    /// <param name="units">Timestamp in resolution units since the epoch.</param>
    /// <param name="resolution">Raw if_tsresol byte: MSB clear = 10^-n, MSB set = 2^-n.</param>
    /// <param name="offsetSeconds">if_tsoffset, added to every timestamp.</param>
    public static long FromPcapNg(ulong units, byte resolution, long offsetSeconds)
    {
        int n = resolution & 0x7F;
        Int128 ticks;
        if ((resolution & 0x80) == 0)
        {
            ticks = n <= 7 ? (Int128)units * Pow10(7 - n) : (Int128)(units / (ulong)Pow10(Math.Min(n - 7, 18)));
        }
        else
        {
            int shift = Math.Min(n, 63);
            ulong whole = units >> shift;
            ulong frac = units & ((1UL << shift) - 1);
            ticks = (Int128)whole * 10_000_000 + (Int128)(((UInt128)frac * 10_000_000) >> shift);
        }

        return Clamp(ticks + (Int128)offsetSeconds * 10_000_000 + UnixEpochTicks);
    }

    /// <summary>Seconds since the Unix epoch with six decimals, as Zeek prints <c>ts</c>.</summary>
    public static bool TryFormatEpoch(long ticks, Span<byte> destination, out int written)
        => TryFormatSeconds(ticks - UnixEpochTicks, destination, out written);

    /// <summary>A tick count as seconds with six decimals (Zeek's interval format).</summary>
    public static bool TryFormatSeconds(long ticks, Span<byte> destination, out int written)
    {
        written = 0;
        long micros = ticks / 10;
        bool negative = micros < 0;
        ulong abs = negative ? (ulong)(-micros) : (ulong)micros;
        ulong whole = abs / 1_000_000, frac = abs % 1_000_000;
        Span<byte> tmp = stackalloc byte[32];
        int p = tmp.Length;
        for (int i = 0; i < 6; i++)
        {
            tmp[--p] = (byte)('0' + (int)(frac % 10));
            frac /= 10;
        }

        tmp[--p] = (byte)'.';
        do
        {
            tmp[--p] = (byte)('0' + (int)(whole % 10));
            whole /= 10;
        }
        while (whole != 0);

        if (negative)
        {
            tmp[--p] = (byte)'-';
        }

        int len = tmp.Length - p;
        if (len > destination.Length)
        {
            return false;
        }

        tmp[p..].CopyTo(destination);
        written = len;
        return true;
    }

    private static long ScaleDecimal(long fraction, int digits)
        => digits <= 7 ? fraction * Pow10(7 - digits) : fraction / Pow10(Math.Min(digits - 7, 18));

    private static long Pow10(int n)
    {
        long r = 1;
        for (int i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }

    private static long Clamp(Int128 ticks) => ticks < 0 ? 0 : ticks > MaxTicks ? MaxTicks : (long)ticks;
}
