using System.Buffers.Binary;

namespace AutoRespond.Sensor.Decoding;

/// <summary>RFC 1071 Internet checksums for IPv4 headers and TCP/UDP/ICMP(v6) segments.</summary>
public static class Checksums
{
    /// <summary>Adds <paramref name="data"/> as big-endian 16-bit words to a running one's-complement sum.</summary>
    public static ulong Add(ReadOnlySpan<byte> data, ulong sum = 0)
    {
        int i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        if (i + 2 <= data.Length)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            i += 2;
        }

        if (i < data.Length)
        {
            sum += (ulong)data[i] << 8;
        }

        return sum;
    }

    /// <summary>Folds a running sum to 16 bits and complements it: the value to store in a checksum field.</summary>
    public static ushort Finish(ulong sum)
    {
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    /// <summary>The TCP/UDP/ICMPv6 pseudo-header sum for a segment of <paramref name="length"/> bytes.</summary>
    public static ulong PseudoHeader(IpAddr source, IpAddr destination, byte protocol, int length)
    {
        Span<byte> addresses = stackalloc byte[32];
        int n = source.WriteBytes(addresses);
        destination.WriteBytes(addresses[n..]);
        return Add(addresses[..(2 * n)], (ulong)protocol + (ulong)length);
    }

    /// <summary>True when an IPv4 header's checksum verifies.</summary>
    public static bool Ipv4HeaderValid(ReadOnlySpan<byte> header) => Finish(Add(header)) == 0;

    /// <summary>
    /// True when the transport checksum of a decoded TCP, UDP or ICMP packet verifies, or cannot be checked
    /// (frame cut short by the snap length, UDP/IPv4 checksum 0). ICMPv4 has no pseudo-header.
    /// </summary>
    public static bool TransportValid(in DecodedPacket p)
    {
        if (!p.HasTransport || p.Truncated)
        {
            return true;
        }

        int length = p.IpTotalLength - p.IpHeaderLength;
        if (p.TransportOffset + length > p.Frame.Length || length < 0)
        {
            return true;
        }

        ReadOnlySpan<byte> segment = p.Frame.Slice(p.TransportOffset, length);
        ulong sum = p.Protocol switch
        {
            1 => 0,
            _ => PseudoHeader(p.SourceIp, p.DestinationIp, p.Protocol, length),
        };
        if (p.Protocol == 17 && p.Kind == PacketKind.IPv4 && BinaryPrimitives.ReadUInt16BigEndian(segment[6..]) == 0)
        {
            return true;
        }

        return Finish(Add(segment, sum)) == 0;
    }
}
