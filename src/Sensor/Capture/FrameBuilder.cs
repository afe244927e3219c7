using System.Buffers.Binary;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Capture;

/// <summary>Ethernet header of a built frame; <paramref name="Vlan"/> &gt;= 0 adds one 802.1Q tag.</summary>
public readonly record struct EthernetSpec(MacAddress Source, MacAddress Destination, int Vlan = -1);

/// <summary>IP header of a built frame: IPv4 (DF set) when both addresses are IPv4, otherwise IPv6.</summary>
public readonly record struct IpSpec(IpAddr Source, IpAddr Destination, byte Ttl = 64, ushort Identification = 0);

/// <summary>TCP header of a built frame (20 bytes, no options).</summary>
public readonly record struct TcpSpec(
    ushort SourcePort, ushort DestinationPort, TcpFlags Flags, uint Sequence = 0, uint Acknowledgment = 0,
    ushort Window = 65535);

/// <summary>
/// Builds Ethernet (+ optional 802.1Q) / IPv4 or IPv6 / TCP, UDP or ICMP frames with correct IP and transport
/// checksums into a caller buffer, for demo captures and tests. Each method returns the frame length.
/// </summary>
public static class FrameBuilder
{
    /// <summary>Largest frame these methods produce for a given payload: headers need at most 18 + 40 + 20 bytes.</summary>
    public static int MaxLength(int payloadLength) => 78 + payloadLength;

    public static int Tcp(Span<byte> buffer, in EthernetSpec eth, in IpSpec ip, in TcpSpec tcp, ReadOnlySpan<byte> payload = default)
    {
        int l3 = Ethernet(buffer, eth, ip.Source.IsV4 ? (ushort)0x0800 : (ushort)0x86DD);
        int l4 = l3 + IpHeader(buffer[l3..], ip, 6, 20 + payload.Length);
        Span<byte> seg = buffer.Slice(l4, 20 + payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(seg, tcp.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(seg[2..], tcp.DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(seg[4..], tcp.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(seg[8..], tcp.Acknowledgment);
        seg[12] = 5 << 4;
        seg[13] = (byte)tcp.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(seg[14..], tcp.Window);
        BinaryPrimitives.WriteUInt32BigEndian(seg[16..], 0); // checksum + urgent pointer
        payload.CopyTo(seg[20..]);
        ushort sum = Checksums.Finish(Checksums.Add(seg, Checksums.PseudoHeader(ip.Source, ip.Destination, 6, seg.Length)));
        BinaryPrimitives.WriteUInt16BigEndian(seg[16..], sum);
        return l4 + seg.Length;
    }

    public static int Udp(Span<byte> buffer, in EthernetSpec eth, in IpSpec ip, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload = default)
    {
        int l3 = Ethernet(buffer, eth, ip.Source.IsV4 ? (ushort)0x0800 : (ushort)0x86DD);
        int l4 = l3 + IpHeader(buffer[l3..], ip, 17, 8 + payload.Length);
        Span<byte> seg = buffer.Slice(l4, 8 + payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(seg, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(seg[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(seg[4..], (ushort)seg.Length);
        BinaryPrimitives.WriteUInt16BigEndian(seg[6..], 0);
        payload.CopyTo(seg[8..]);
        ushort sum = Checksums.Finish(Checksums.Add(seg, Checksums.PseudoHeader(ip.Source, ip.Destination, 17, seg.Length)));
        BinaryPrimitives.WriteUInt16BigEndian(seg[6..], sum == 0 ? (ushort)0xFFFF : sum);
        return l4 + seg.Length;
    }

    /// <summary>ICMP (IPv4) or ICMPv6 (IPv6) message; <paramref name="body"/> starts at the 4 rest-of-header bytes.</summary>
    public static int Icmp(Span<byte> buffer, in EthernetSpec eth, in IpSpec ip, byte type, byte code, ReadOnlySpan<byte> body)
    {
        bool v4 = ip.Source.IsV4;
        byte protocol = v4 ? (byte)1 : (byte)58;
        int l3 = Ethernet(buffer, eth, v4 ? (ushort)0x0800 : (ushort)0x86DD);
        int l4 = l3 + IpHeader(buffer[l3..], ip, protocol, 4 + body.Length);
        Span<byte> seg = buffer.Slice(l4, 4 + body.Length);
        seg[0] = type;
        seg[1] = code;
        BinaryPrimitives.WriteUInt16BigEndian(seg[2..], 0);
        body.CopyTo(seg[4..]);
        ulong initial = v4 ? 0 : Checksums.PseudoHeader(ip.Source, ip.Destination, protocol, seg.Length);
        BinaryPrimitives.WriteUInt16BigEndian(seg[2..], Checksums.Finish(Checksums.Add(seg, initial)));
        return l4 + seg.Length;
    }

    /// <summary>An Ethernet ARP request (operation 1) or reply (2).</summary>
    public static int Arp(Span<byte> buffer, in EthernetSpec eth, ushort operation, MacAddress senderMac, IpAddr senderIp,
        MacAddress targetMac, IpAddr targetIp)
    {
        int o = Ethernet(buffer, eth, 0x0806);
        Span<byte> arp = buffer.Slice(o, 28);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], 0x0800);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], operation);
        senderMac.Write(arp[8..]);
        senderIp.WriteBytes(arp[14..]);
        targetMac.Write(arp[18..]);
        targetIp.WriteBytes(arp[24..]);
        return o + 28;
    }

    /// <summary>Writes the Ethernet header (and tag) and returns the offset of the payload.</summary>
    public static int Ethernet(Span<byte> buffer, in EthernetSpec eth, ushort etherType)
    {
        eth.Destination.Write(buffer);
        eth.Source.Write(buffer[6..]);
        int o = 12;
        if (eth.Vlan >= 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer[o..], 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[(o + 2)..], (ushort)(eth.Vlan & 0x0FFF));
            o += 4;
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer[o..], etherType);
        return o + 2;
    }

    /// <summary>Writes an IPv4 (20-byte, checksummed) or IPv6 (40-byte) header and returns its length.</summary>
    public static int IpHeader(Span<byte> buffer, in IpSpec ip, byte protocol, int payloadLength)
    {
        if (ip.Source.IsV4 && ip.Destination.IsV4)
        {
            Span<byte> h = buffer[..20];
            h[0] = 0x45;
            h[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(h[2..], (ushort)(20 + payloadLength));
            BinaryPrimitives.WriteUInt16BigEndian(h[4..], ip.Identification);
            BinaryPrimitives.WriteUInt16BigEndian(h[6..], 0x4000);
            h[8] = ip.Ttl;
            h[9] = protocol;
            BinaryPrimitives.WriteUInt16BigEndian(h[10..], 0);
            ip.Source.WriteBytes(h[12..]);
            ip.Destination.WriteBytes(h[16..]);
            BinaryPrimitives.WriteUInt16BigEndian(h[10..], Checksums.Finish(Checksums.Add(h)));
            return 20;
        }

        Span<byte> v6 = buffer[..40];
        BinaryPrimitives.WriteUInt32BigEndian(v6, 0x6000_0000);
        BinaryPrimitives.WriteUInt16BigEndian(v6[4..], (ushort)payloadLength);
        v6[6] = protocol;
        v6[7] = ip.Ttl;
        ip.Source.WriteBytes(v6[8..]);
        ip.Destination.WriteBytes(v6[24..]);
        return 40;
    }
}
