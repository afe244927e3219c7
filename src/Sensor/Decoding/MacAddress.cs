using System.Buffers.Binary;

namespace AutoRespond.Sensor.Decoding;

/// <summary>A 48-bit MAC address in one <see cref="ulong"/>; zero means "none".</summary>
public readonly struct MacAddress : IEquatable<MacAddress>
{
    public MacAddress(ulong value) => Value = value & 0xFFFF_FFFF_FFFF;

    /// <summary>The address as a big-endian 48-bit number.</summary>
    public ulong Value { get; }

    public bool IsZero => Value == 0;

    /// <summary>Group bit set (includes broadcast ff:ff:ff:ff:ff:ff).</summary>
    public bool IsMulticast => (Value & 0x0100_0000_0000) != 0;

    public static MacAddress Broadcast => new(0xFFFF_FFFF_FFFF);

    /// <summary>Reads 6 bytes.</summary>
    public static MacAddress Read(ReadOnlySpan<byte> bytes)
        => new((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32 | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]));

    /// <summary>Parses "aa:bb:cc:dd:ee:ff" (or with '-').</summary>
    public static MacAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string hex = text.Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (hex.Length != 12)
        {
            throw new FormatException($"not a MAC address: {text}");
        }

        return new MacAddress(Convert.ToUInt64(hex, 16));
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(Value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)Value);
    }

    /// <summary>Lower-case colon form, as Zeek prints MACs.</summary>
    public override string ToString() => string.Create(17, Value, static (span, v) =>
    {
        const string Hex = "0123456789abcdef";
        for (int i = 0; i < 6; i++)
        {
            int b = (int)(v >> (40 - 8 * i)) & 0xFF;
            span[i * 3] = Hex[b >> 4];
            span[i * 3 + 1] = Hex[b & 0xF];
            if (i < 5)
            {
                span[i * 3 + 2] = ':';
            }
        }
    });

    public bool Equals(MacAddress other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(MacAddress left, MacAddress right) => left.Equals(right);

    public static bool operator !=(MacAddress left, MacAddress right) => !left.Equals(right);
}
