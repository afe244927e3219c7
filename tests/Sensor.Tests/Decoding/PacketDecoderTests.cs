using System.Buffers.Binary;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Tests.Support;

namespace AutoRespond.Sensor.Tests.Decoding;

public sealed class PacketDecoderTests
{
    private readonly PacketDecoder _decoder = new();

    [Fact]
    public void Tcp_over_vlan_keeps_the_vlan_id_and_every_header_field()
    {
        byte[] frame = Frames.Tcp(true, TcpFlags.Psh | TcpFlags.Ack, 1000, 2000, payload: 25, vlan: 42, window: 512);
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();

        p.Vlan.ShouldBe(42);
        p.Kind.ShouldBe(PacketKind.IPv4);
        p.SourceMac.ShouldBe(Frames.ClientMac);
        p.DestinationMac.ShouldBe(Frames.ServerMac);
        p.SourceIp.ShouldBe(Frames.Client);
        p.DestinationIp.ShouldBe(Frames.Server);
        p.IsTcp.ShouldBeTrue();
        p.SourcePort.ShouldBe((ushort)40000);
        p.DestinationPort.ShouldBe((ushort)102);
        p.Sequence.ShouldBe(1000u);
        p.Acknowledgment.ShouldBe(2000u);
        p.Window.ShouldBe((ushort)512);
        p.TcpFlags.ShouldBe(TcpFlags.Psh | TcpFlags.Ack);
        p.TcpHeaderLength.ShouldBe(20);
        p.PayloadLength.ShouldBe(25);
        p.Payload.Length.ShouldBe(25);
        p.IpTotalLength.ShouldBe(20 + 20 + 25);
        Checksums.TransportValid(p).ShouldBeTrue();
        Checksums.Ipv4HeaderValid(p.Frame.Slice(p.IpOffset, p.IpHeaderLength)).ShouldBeTrue();
    }

    [Fact]
    public void Stacked_tags_keep_the_innermost_vlan_id()
    {
        byte[] inner = Frames.Tcp(true, TcpFlags.Syn, 1, 0, vlan: 200);
        // Insert an outer 802.1ad tag (VID 100) in front of the 802.1Q tag.
        byte[] frame = [.. inner[..12], 0x88, 0xA8, 0x00, 100, .. inner[12..]];
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();
        p.Vlan.ShouldBe(200);
        p.IsTcp.ShouldBeTrue();
    }

    [Fact]
    public void Non_first_fragments_skip_the_transport_header_and_are_counted()
    {
        byte[] frame = Frames.Udp(true, 40);
        frame[14 + 6] = 0x00;
        frame[14 + 7] = 0x10; // fragment offset 16 × 8 = 128
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();
        p.IsFragment.ShouldBeTrue();
        p.FragmentOffset.ShouldBe(128);
        p.HasTransport.ShouldBeFalse();
        _decoder.Stats.Fragments.ShouldBe(1);

        byte[] first = Frames.Udp(true, 40);
        first[14 + 6] = 0x20; // MF, offset 0: the first fragment still carries the UDP header
        _decoder.TryDecode(LinkTypes.Ethernet, first, out DecodedPacket f).ShouldBeTrue();
        f.MoreFragments.ShouldBeTrue();
        f.IsUdp.ShouldBeTrue();
    }

    [Fact]
    public void Ipv6_extension_headers_are_skipped()
    {
        byte[] udp = [0xC3, 0x50, 0x00, 0x35, 0x00, 0x0C, 0x00, 0x00, 1, 2, 3, 4];
        byte[] hopByHop = [60, 0, 0, 0, 0, 0, 0, 0];
        byte[] destOpts = [44, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] fragment = [17, 0, 0x00, 0x01, 0, 0, 0, 7]; // offset 0, M flag set
        byte[] frame = Ipv6Frame(0, [.. hopByHop, .. destOpts, .. fragment, .. udp]);
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();

        p.Kind.ShouldBe(PacketKind.IPv6);
        p.IpHeaderLength.ShouldBe(40 + 8 + 16 + 8);
        p.IsUdp.ShouldBeTrue();
        p.SourcePort.ShouldBe((ushort)50000);
        p.DestinationPort.ShouldBe((ushort)53);
        p.PayloadLength.ShouldBe(4);
        p.MoreFragments.ShouldBeTrue();

        byte[] later = Ipv6Frame(44, [17, 0, 0x01, 0x00, 0, 0, 0, 7, .. udp]); // offset 256
        _decoder.TryDecode(LinkTypes.Ethernet, later, out DecodedPacket q).ShouldBeTrue();
        q.IsFragment.ShouldBeTrue();
        q.HasTransport.ShouldBeFalse();
    }

    [Fact]
    public void Ipv6_extension_header_running_past_the_packet_is_rejected()
    {
        byte[] frame = Ipv6Frame(0, [6, 9, 0, 0, 0, 0, 0, 0]); // hop-by-hop claims 80 bytes
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out _).ShouldBeFalse();
        _decoder.Stats[DecodeFailure.BadIpv6ExtensionHeader].ShouldBe(1);
    }

    [Theory]
    [InlineData(10, DecodeFailure.TruncatedLinkHeader)]
    [InlineData(14 + 12, DecodeFailure.TruncatedIpv4Header)]
    [InlineData(14 + 20 + 10, DecodeFailure.TruncatedTcpHeader)]
    public void Truncated_frames_fail_with_a_counted_reason(int length, DecodeFailure reason)
    {
        byte[] frame = Frames.Tcp(true, TcpFlags.Syn, 1, 0, payload: 100);
        _decoder.TryDecode(LinkTypes.Ethernet, frame.AsSpan(0, length), out _).ShouldBeFalse();
        _decoder.Stats[reason].ShouldBe(1);
        _decoder.Stats.Failed.ShouldBe(1);
        _decoder.Stats.FailuresByReason().ShouldContainKeyAndValue(reason.ToString(), 1L);
    }

    [Fact]
    public void Malformed_headers_fail_with_their_reason()
    {
        byte[] badIhl = Frames.Tcp(true, TcpFlags.Syn, 1, 0);
        badIhl[14] = 0x43;
        _decoder.TryDecode(LinkTypes.Ethernet, badIhl, out _).ShouldBeFalse();
        _decoder.Stats[DecodeFailure.BadIpv4HeaderLength].ShouldBe(1);

        byte[] badOffset = Frames.Tcp(true, TcpFlags.Syn, 1, 0);
        badOffset[14 + 20 + 12] = 0x30; // data offset 3
        _decoder.TryDecode(LinkTypes.Ethernet, badOffset, out _).ShouldBeFalse();
        _decoder.Stats[DecodeFailure.BadTcpDataOffset].ShouldBe(1);

        byte[] badVersion = Frames.Tcp(true, TcpFlags.Syn, 1, 0);
        badVersion[14] = 0x55;
        _decoder.TryDecode(LinkTypes.Ethernet, badVersion, out _).ShouldBeFalse();
        _decoder.Stats[DecodeFailure.BadIpVersion].ShouldBe(1);

        _decoder.TryDecode(999, badVersion, out _).ShouldBeFalse();
        _decoder.Stats[DecodeFailure.UnsupportedLinkType].ShouldBe(1);
    }

    [Fact]
    public void Snapped_payload_still_reports_the_wire_length()
    {
        byte[] frame = Frames.Tcp(true, TcpFlags.Ack, 1, 1, payload: 1000);
        _decoder.TryDecode(LinkTypes.Ethernet, frame.AsSpan(0, 14 + 20 + 20 + 10), out DecodedPacket p).ShouldBeTrue();
        p.Truncated.ShouldBeTrue();
        p.PayloadLength.ShouldBe(1000);
        p.Payload.Length.ShouldBe(10);
        p.IpTotalLength.ShouldBe(1040);
        Checksums.TransportValid(p).ShouldBeTrue(); // cannot be checked, so not reported bad
    }

    [Fact]
    public void Ethernet_padding_is_not_payload()
    {
        byte[] frame = [.. Frames.Tcp(true, TcpFlags.Ack, 1, 1), 0, 0, 0, 0, 0, 0];
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();
        p.PayloadLength.ShouldBe(0);
        p.Payload.Length.ShouldBe(0);
    }

    [Fact]
    public void Cooked_raw_and_loopback_link_types()
    {
        byte[] eth = Frames.Tcp(true, TcpFlags.Syn, 7, 0);
        byte[] ip = eth[14..];

        byte[] sll = [0, 0, 0, 1, 0, 6, .. Frames.ClientMac.ToBytes(), 0, 0, 0x08, 0x00, .. ip];
        _decoder.TryDecode(LinkTypes.LinuxSll, sll, out DecodedPacket a).ShouldBeTrue();
        a.SourceMac.ShouldBe(Frames.ClientMac);
        a.IsTcp.ShouldBeTrue();

        byte[] sll2 = [0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, .. Frames.ClientMac.ToBytes(), 0, 0, .. ip];
        _decoder.TryDecode(LinkTypes.LinuxSll2, sll2, out DecodedPacket b).ShouldBeTrue();
        b.SourceMac.ShouldBe(Frames.ClientMac);
        b.Sequence.ShouldBe(7u);

        foreach (int link in new[] { LinkTypes.Raw, LinkTypes.Ipv4, LinkTypes.RawBsd12 })
        {
            _decoder.TryDecode(link, ip, out DecodedPacket r).ShouldBeTrue();
            r.IsTcp.ShouldBeTrue();
            r.SourceMac.IsZero.ShouldBeTrue();
        }

        _decoder.TryDecode(LinkTypes.Null, [2, 0, 0, 0, .. ip], out DecodedPacket n).ShouldBeTrue();
        n.IsTcp.ShouldBeTrue();
        _decoder.TryDecode(LinkTypes.Null, [0, 0, 0, 2, .. ip], out DecodedPacket nb).ShouldBeTrue();
        nb.IsTcp.ShouldBeTrue();
    }

    [Fact]
    public void Arp_and_other_ethertypes()
    {
        var buffer = new byte[64];
        int len = FrameBuilder.Arp(buffer, new EthernetSpec(Frames.ClientMac, MacAddress.Broadcast), 1, Frames.ClientMac,
            Frames.Client, default, Frames.Server);
        _decoder.TryDecode(LinkTypes.Ethernet, buffer.AsSpan(0, len), out DecodedPacket p).ShouldBeTrue();
        p.Kind.ShouldBe(PacketKind.Arp);
        p.ArpOperation.ShouldBe((ushort)1);
        p.ArpSenderMac.ShouldBe(Frames.ClientMac);
        p.ArpSenderIp.ShouldBe(Frames.Client);
        p.ArpTargetIp.ShouldBe(Frames.Server);

        byte[] lldp = [.. Frames.ClientMac.ToBytes(), .. Frames.ServerMac.ToBytes(), 0x88, 0xCC, 1, 2, 3];
        _decoder.TryDecode(LinkTypes.Ethernet, lldp, out DecodedPacket o).ShouldBeTrue();
        o.Kind.ShouldBe(PacketKind.Other);
        _decoder.Stats.NonIp.ShouldBe(1);
        _decoder.Stats.Arp.ShouldBe(1);
    }

    [Fact]
    public void Icmp_unreachable_remembers_the_quoted_five_tuple()
    {
        byte[] offending = Frames.Udp(true, 8, clientPort: 5353, serverPort: 161)[14..];
        var buffer = new byte[200];
        int len = FrameBuilder.Icmp(buffer, new EthernetSpec(Frames.ServerMac, Frames.ClientMac), new IpSpec(Frames.Server, Frames.Client),
            3, 3, [0, 0, 0, 0, .. offending[..28]]);
        _decoder.TryDecode(LinkTypes.Ethernet, buffer.AsSpan(0, len), out DecodedPacket p).ShouldBeTrue();
        p.IsIcmp.ShouldBeTrue();
        p.IcmpType.ShouldBe((byte)3);
        p.IcmpCode.ShouldBe((byte)3);
        p.HasQuote.ShouldBeTrue();
        p.QuotedProtocol.ShouldBe((byte)17);
        p.QuotedSource.ShouldBe(Frames.Client);
        p.QuotedDestination.ShouldBe(Frames.Server);
        p.QuotedSourcePort.ShouldBe((ushort)5353);
        p.QuotedDestinationPort.ShouldBe((ushort)161);
        Checksums.TransportValid(p).ShouldBeTrue();
    }

    [Fact]
    public void Corrupted_checksums_are_detected()
    {
        byte[] frame = Frames.Udp(true, 20);
        frame[^1] ^= 0xFF;
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();
        Checksums.TransportValid(p).ShouldBeFalse();
        frame[14 + 8] ^= 0x01; // TTL
        _decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket q).ShouldBeTrue();
        Checksums.Ipv4HeaderValid(q.Frame.Slice(q.IpOffset, q.IpHeaderLength)).ShouldBeFalse();
    }

    private static byte[] Ipv6Frame(byte nextHeader, byte[] afterHeader)
    {
        var ip = new byte[40];
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), (ushort)afterHeader.Length);
        ip[6] = nextHeader;
        ip[7] = 64;
        IpAddr.Parse("fe80::1").WriteBytes(ip.AsSpan(8));
        IpAddr.Parse("fe80::2").WriteBytes(ip.AsSpan(24));
        return [.. Frames.ClientMac.ToBytes(), .. Frames.ServerMac.ToBytes(), 0x86, 0xDD, .. ip, .. afterHeader];
    }
}

internal static class MacTestExtensions
{
    public static byte[] ToBytes(this MacAddress mac)
    {
        var b = new byte[6];
        mac.Write(b);
        return b;
    }
}
