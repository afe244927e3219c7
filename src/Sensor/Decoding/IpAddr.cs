using System.Buffers.Binary;
using System.Net;

namespace AutoRespond.Sensor.Decoding;

/// <summary>
/// A 16-byte IP address. IPv4 is held IPv4-mapped (::ffff:a.b.c.d), as Zeek does, so one type and one
/// comparison serve both families. <see cref="ToString"/> allocates and is meant for emitting events only.
/// </summary>
public readonly struct IpAddr : IEquatable<IpAddr>, IComparable<IpAddr>
{
    private const ulong V4Prefix = 0x0000_FFFF_0000_0000;

    private IpAddr(ulong high, ulong low)
    {
        High = high;
        Low = low;
    }

    /// <summary>The first 8 address bytes, big-endian.</summary>
    public ulong High { get; }

    /// <summary>The last 8 address bytes, big-endian.</summary>
    public ulong Low { get; }

    public bool IsV4 => High == 0 && (Low & 0xFFFF_FFFF_0000_0000) == V4Prefix;

    /// <summary>The IPv4 address as a host-order integer (only meaningful when <see cref="IsV4"/>).</summary>
    public uint V4 => (uint)Low;

    /// <summary>0.0.0.0 or ::.</summary>
    public bool IsUnspecified => IsV4 ? V4 == 0 : High == 0 && Low == 0;

    /// <summary>255.255.255.255 (IPv6 has no broadcast).</summary>
    public bool IsBroadcast => IsV4 && V4 == 0xFFFF_FFFF;

    /// <summary>224.0.0.0/4 or ff00::/8.</summary>
    public bool IsMulticast => IsV4 ? (V4 >> 28) == 0xE : (High >> 56) == 0xFF;

    public static IpAddr FromV4(uint hostOrder) => new(0, V4Prefix | hostOrder);

    public static IpAddr FromV4(byte a, byte b, byte c, byte d) => FromV4((uint)(a << 24 | b << 16 | c << 8 | d));

    /// <summary>Reads a 4-byte IPv4 address (network order).</summary>
    public static IpAddr ReadV4(ReadOnlySpan<byte> bytes) => FromV4(BinaryPrimitives.ReadUInt32BigEndian(bytes));

    /// <summary>Reads a 16-byte IPv6 address (network order).</summary>
    public static IpAddr ReadV6(ReadOnlySpan<byte> bytes)
        => new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public static IpAddr FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return ReadV4(bytes);
        }

        address.TryWriteBytes(bytes, out _);
        return ReadV6(bytes);
    }

    public static IpAddr Parse(string text) => FromIPAddress(IPAddress.Parse(text));

    /// <summary>Writes the address in network order: 4 bytes for IPv4, 16 for IPv6. Returns the count written.</summary>
    public int WriteBytes(Span<byte> destination)
    {
        if (IsV4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, V4);
            return 4;
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
        return 16;
    }

    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        int n = WriteBytes(bytes);
        return new IPAddress(bytes[..n]);
    }

    public override string ToString() => ToIPAddress().ToString();

    public bool Equals(IpAddr other) => High == other.High && Low == other.Low;

    public override bool Equals(object? obj) => obj is IpAddr other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(High, Low);

    public int CompareTo(IpAddr other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);

    public static bool operator ==(IpAddr left, IpAddr right) => left.Equals(right);

    public static bool operator !=(IpAddr left, IpAddr right) => !left.Equals(right);

    public static bool operator <(IpAddr left, IpAddr right) => left.CompareTo(right) < 0;

    public static bool operator >(IpAddr left, IpAddr right) => left.CompareTo(right) > 0;

    public static bool operator <=(IpAddr left, IpAddr right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IpAddr left, IpAddr right) => left.CompareTo(right) >= 0;
}
