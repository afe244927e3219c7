using System.Buffers.Binary;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Sensor.Decoding;

/// <summary>
/// Zero-allocation, bounds-checked header decoder: Ethernet II with any number of 802.1Q/802.1ad tags, Linux SLL and
/// SLL2, raw IP, BSD null/loopback; ARP; IPv4 and IPv6 (extension headers skipped); TCP, UDP, ICMP and ICMPv6.
/// Malformed frames return false and are counted by reason in <see cref="Stats"/>; it never throws.
/// </summary>
public sealed partial class PacketDecoder
{
    private const ushort EtherTypeIpv4 = 0x0800;
    private const ushort EtherTypeArp = 0x0806;
    private const ushort EtherTypeIpv6 = 0x86DD;

    public DecoderStats Stats { get; } = new();

    /// <summary>Decodes one frame of the given pcap link type.</summary>
    public bool TryDecode(int linkType, ReadOnlySpan<byte> frame, out DecodedPacket packet)
    {
        packet = default;
        packet.Frame = frame;
        packet.LinkType = linkType;
        packet.Vlan = -1;
        DecodeFailure failure = linkType switch
        {
            LinkTypes.Ethernet => Ethernet(frame, ref packet),
            LinkTypes.LinuxSll => LinuxSll(frame, ref packet),
            LinkTypes.LinuxSll2 => LinuxSll2(frame, ref packet),
            LinkTypes.Raw or LinkTypes.RawBsd12 or LinkTypes.RawBsd14 => RawIp(frame, ref packet),
            LinkTypes.Ipv4 => Ipv4(frame, 0, ref packet),
            LinkTypes.Ipv6 => Ipv6(frame, 0, ref packet),
            LinkTypes.Null => Loopback(frame, networkOrder: false, ref packet),
            LinkTypes.Loop => Loopback(frame, networkOrder: true, ref packet),
            _ => DecodeFailure.UnsupportedLinkType,
        };

        if (failure != DecodeFailure.None)
        {
            Stats.CountFailure(failure);
            return false;
        }

        Stats.CountSuccess(packet);
        return true;
    }

    private static DecodeFailure Ethernet(ReadOnlySpan<byte> frame, ref DecodedPacket p)
    {
        if (frame.Length < 14)
        {
            return DecodeFailure.TruncatedLinkHeader;
        }

        p.DestinationMac = MacAddress.Read(frame);
        p.SourceMac = MacAddress.Read(frame[6..]);
        return Network(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[12..]), 14, ref p);
    }

    /// <summary>Skips any VLAN tags that follow EtherType <paramref name="type"/>, then decodes the network layer.</summary>
    private static DecodeFailure Network(ReadOnlySpan<byte> frame, ushort type, int offset, ref DecodedPacket p)
    {
        while (type is 0x8100 or 0x88A8 or 0x9100)
        {
            if (frame.Length - offset < 4)
            {
                return DecodeFailure.TruncatedVlanTag;
            }

            p.Vlan = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]) & 0x0FFF;
            type = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
            offset += 4;
        }

        p.EtherType = type;
        return type switch
        {
            EtherTypeIpv4 => Ipv4(frame, offset, ref p),
            EtherTypeIpv6 => Ipv6(frame, offset, ref p),
            EtherTypeArp => Arp(frame, offset, ref p),
            _ => DecodeFailure.None, // Kind stays Other
        };
    }

    private static DecodeFailure LinuxSll(ReadOnlySpan<byte> frame, ref DecodedPacket p)
    {
        if (frame.Length < 16)
        {
            return DecodeFailure.TruncatedLinkHeader;
        }

        ushort hardwareType = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        ushort addressLength = BinaryPrimitives.ReadUInt16BigEndian(frame[4..]);
        if (hardwareType == 1 && addressLength == 6)
        {
            p.SourceMac = MacAddress.Read(frame[6..]);
        }

        return Network(frame, BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), 16, ref p);
    }

    private static DecodeFailure LinuxSll2(ReadOnlySpan<byte> frame, ref DecodedPacket p)
    {
        if (frame.Length < 20)
        {
            return DecodeFailure.TruncatedLinkHeader;
        }

        ushort hardwareType = BinaryPrimitives.ReadUInt16BigEndian(frame[8..]);
        if (hardwareType == 1 && frame[11] == 6)
        {
            p.SourceMac = MacAddress.Read(frame[12..]);
        }

        return Network(frame, BinaryPrimitives.ReadUInt16BigEndian(frame), 20, ref p);
    }

    private static DecodeFailure RawIp(ReadOnlySpan<byte> frame, ref DecodedPacket p)
    {
        if (frame.IsEmpty)
        {
            return DecodeFailure.TruncatedIpv4Header;
        }

        return (frame[0] >> 4) switch
        {
            4 => Ipv4(frame, 0, ref p),
            6 => Ipv6(frame, 0, ref p),
            _ => DecodeFailure.BadIpVersion,
        };
    }

    private static DecodeFailure Loopback(ReadOnlySpan<byte> frame, bool networkOrder, ref DecodedPacket p)
    {
        if (frame.Length < 4)
        {
            return DecodeFailure.TruncatedLinkHeader;
        }

        uint family = networkOrder
            ? BinaryPrimitives.ReadUInt32BigEndian(frame)
            : BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (!networkOrder && family > 0xFFFF)
        {
            family = BinaryPrimitives.ReadUInt32BigEndian(frame); // written on a big-endian host
        }

        return family switch
        {
            2 => Ipv4(frame, 4, ref p),
            10 or 24 or 28 or 30 => Ipv6(frame, 4, ref p),
            _ => DecodeFailure.None,
        };
    }

    private static DecodeFailure Arp(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket p)
    {
        ReadOnlySpan<byte> arp = frame[offset..];
        if (arp.Length < 8)
        {
            return DecodeFailure.TruncatedArp;
        }

        ushort hardware = BinaryPrimitives.ReadUInt16BigEndian(arp);
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(arp[2..]);
        if (hardware != 1 || protocol != EtherTypeIpv4 || arp[4] != 6 || arp[5] != 4)
        {
            return DecodeFailure.None; // some other ARP flavour: Kind stays Other
        }

        if (arp.Length < 28)
        {
            return DecodeFailure.TruncatedArp;
        }

        p.Kind = PacketKind.Arp;
        p.ArpOperation = BinaryPrimitives.ReadUInt16BigEndian(arp[6..]);
        p.ArpSenderMac = MacAddress.Read(arp[8..]);
        p.ArpSenderIp = IpAddr.ReadV4(arp[14..]);
        p.ArpTargetMac = MacAddress.Read(arp[18..]);
        p.ArpTargetIp = IpAddr.ReadV4(arp[24..]);
        return DecodeFailure.None;
    }
}
