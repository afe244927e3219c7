using System.Buffers.Binary;

namespace AutoRespond.Sensor.Decoding;

public sealed partial class PacketDecoder
{
    private static DecodeFailure Ipv4(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket p)
    {
        ReadOnlySpan<byte> ip = frame[offset..];
        if (ip.Length < 20)
        {
            return DecodeFailure.TruncatedIpv4Header;
        }

        if (ip[0] >> 4 != 4)
        {
            return DecodeFailure.BadIpVersion;
        }

        int headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < 20)
        {
            return DecodeFailure.BadIpv4HeaderLength;
        }

        if (headerLength > ip.Length)
        {
            return DecodeFailure.TruncatedIpv4Header;
        }

        int total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (total == 0)
        {
            total = ip.Length; // segmentation offload zeroes the length: trust the capture
        }

        if (total < headerLength)
        {
            return DecodeFailure.BadIpv4TotalLength;
        }

        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]);
        p.Kind = PacketKind.IPv4;
        p.IpOffset = offset;
        p.IpHeaderLength = headerLength;
        p.IpTotalLength = total;
        p.Truncated = total > ip.Length;
        p.Ttl = ip[8];
        p.Protocol = ip[9];
        p.SourceIp = IpAddr.ReadV4(ip[12..]);
        p.DestinationIp = IpAddr.ReadV4(ip[16..]);
        p.MoreFragments = (fragment & 0x2000) != 0;
        p.FragmentOffset = (fragment & 0x1FFF) * 8;
        if (p.FragmentOffset != 0)
        {
            p.IsFragment = true;
            return DecodeFailure.None;
        }

        int captured = Math.Min(total, ip.Length);
        return Transport(frame, offset + headerLength, total - headerLength, offset + captured, v6: false, ref p);
    }

    private static DecodeFailure Ipv6(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket p)
    {
        ReadOnlySpan<byte> ip = frame[offset..];
        if (ip.Length < 40)
        {
            return DecodeFailure.TruncatedIpv6Header;
        }

        if (ip[0] >> 4 != 6)
        {
            return DecodeFailure.BadIpVersion;
        }

        int payload = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        int total = payload == 0 ? ip.Length : 40 + payload; // 0: jumbogram or offload
        int captured = Math.Min(total, ip.Length);
        p.Kind = PacketKind.IPv6;
        p.IpOffset = offset;
        p.IpTotalLength = total;
        p.Truncated = total > ip.Length;
        p.Ttl = ip[7];
        p.SourceIp = IpAddr.ReadV6(ip[8..]);
        p.DestinationIp = IpAddr.ReadV6(ip[24..]);

        byte next = ip[6];
        int position = 40;
        while (next is 0 or 43 or 44 or 60 or 51 or 135 or 139 or 140)
        {
            if (captured - position < 8)
            {
                return DecodeFailure.BadIpv6ExtensionHeader;
            }

            ReadOnlySpan<byte> ext = ip[position..];
            int length = next switch
            {
                44 => 8,
                51 => (ext[1] + 2) * 4,
                _ => (ext[1] + 1) * 8,
            };
            if (next == 44)
            {
                ushort field = BinaryPrimitives.ReadUInt16BigEndian(ext[2..]);
                p.FragmentOffset = field & 0xFFF8;
                p.MoreFragments = (field & 1) != 0;
            }

            next = ext[0];
            position += length;
            if (position > total)
            {
                return DecodeFailure.BadIpv6ExtensionHeader;
            }
        }

        p.Protocol = next;
        p.IpHeaderLength = position;
        if (p.FragmentOffset != 0)
        {
            p.IsFragment = true;
            return DecodeFailure.None;
        }

        return Transport(frame, offset + position, total - position, offset + captured, v6: true, ref p);
    }

    /// <param name="offset">Start of the transport header in the frame.</param>
    /// <param name="wireLength">Transport length announced by the IP header.</param>
    /// <param name="capturedEnd">End of the IP packet's captured bytes in the frame (padding excluded).</param>
    private static DecodeFailure Transport(ReadOnlySpan<byte> frame, int offset, int wireLength, int capturedEnd, bool v6,
        ref DecodedPacket p)
    {
        ReadOnlySpan<byte> segment = offset <= capturedEnd ? frame[offset..capturedEnd] : default;
        p.TransportOffset = offset;
        switch (p.Protocol)
        {
            case 6:
                return Tcp(segment, wireLength, ref p);
            case 17:
                if (segment.Length < 8)
                {
                    return DecodeFailure.TruncatedUdpHeader;
                }

                if (wireLength < 8)
                {
                    return DecodeFailure.BadUdpLength;
                }

                p.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment);
                p.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
                p.UdpLength = BinaryPrimitives.ReadUInt16BigEndian(segment[4..]);
                SetPayload(segment, 8, wireLength, ref p);
                return DecodeFailure.None;
            case 1 or 58:
                if (segment.Length < 8 || wireLength < 8)
                {
                    return DecodeFailure.TruncatedIcmpHeader;
                }

                p.IcmpType = segment[0];
                p.IcmpCode = segment[1];
                SetPayload(segment, 8, wireLength, ref p);
                if ((!v6 && p.IcmpType == 3) || (v6 && p.IcmpType == 1))
                {
                    Quote(segment[8..], ref p);
                }

                return DecodeFailure.None;
            default:
                return DecodeFailure.None; // another IP protocol: no transport header
        }
    }

    private static DecodeFailure Tcp(ReadOnlySpan<byte> segment, int wireLength, ref DecodedPacket p)
    {
        if (segment.Length < 20)
        {
            return DecodeFailure.TruncatedTcpHeader;
        }

        int headerLength = (segment[12] >> 4) * 4;
        if (headerLength < 20 || headerLength > wireLength)
        {
            return DecodeFailure.BadTcpDataOffset;
        }

        if (headerLength > segment.Length)
        {
            return DecodeFailure.TruncatedTcpHeader;
        }

        p.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment);
        p.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
        p.Sequence = BinaryPrimitives.ReadUInt32BigEndian(segment[4..]);
        p.Acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(segment[8..]);
        p.TcpFlags = (TcpFlags)segment[13];
        p.Window = BinaryPrimitives.ReadUInt16BigEndian(segment[14..]);
        p.TcpHeaderLength = headerLength;
        SetPayload(segment, headerLength, wireLength, ref p);
        return DecodeFailure.None;
    }

    private static void SetPayload(ReadOnlySpan<byte> segment, int headerLength, int wireLength, ref DecodedPacket p)
    {
        p.HasTransport = true;
        p.PayloadLength = wireLength - headerLength;
        ReadOnlySpan<byte> captured = segment[headerLength..];
        p.Payload = captured.Length > p.PayloadLength ? captured[..p.PayloadLength] : captured;
    }

    /// <summary>Remembers the 5-tuple quoted by an ICMP unreachable, when the quote holds it.</summary>
    private static void Quote(ReadOnlySpan<byte> inner, ref DecodedPacket p)
    {
        int headerLength;
        if (inner.Length >= 20 && inner[0] >> 4 == 4)
        {
            headerLength = (inner[0] & 0x0F) * 4;
            if (headerLength < 20 || headerLength > inner.Length)
            {
                return;
            }

            p.QuotedProtocol = inner[9];
            p.QuotedSource = IpAddr.ReadV4(inner[12..]);
            p.QuotedDestination = IpAddr.ReadV4(inner[16..]);
        }
        else if (inner.Length >= 40 && inner[0] >> 4 == 6)
        {
            headerLength = 40;
            p.QuotedProtocol = inner[6];
            p.QuotedSource = IpAddr.ReadV6(inner[8..]);
            p.QuotedDestination = IpAddr.ReadV6(inner[24..]);
        }
        else
        {
            return;
        }

        p.HasQuote = true;
        if (inner.Length - headerLength >= 4 && p.QuotedProtocol is 6 or 17)
        {
            p.QuotedSourcePort = BinaryPrimitives.ReadUInt16BigEndian(inner[headerLength..]);
            p.QuotedDestinationPort = BinaryPrimitives.ReadUInt16BigEndian(inner[(headerLength + 2)..]);
        }
    }
}
