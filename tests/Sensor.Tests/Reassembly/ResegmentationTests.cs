using System.Text;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Dissectors;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Reassembly;

/// <summary>
/// Reassembly end to end: every TCP payload of a real capture is cut into small segments (so PDUs straddle segments
/// and handshake messages span many), some adjacent segments are swapped and some repeated (out of order,
/// retransmissions); the protocol events must be exactly those of the original capture.
/// </summary>
public sealed class ResegmentationTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Captures_() => new()
    {
        { "tls/tls13-sni-chrome.pcap", 97 },
        { "tls/tls12-nosni-ca.pcap", 61 },
        { "rdp/rdp-to-ssl.pcap", 13 },
        { "ics-s7/snap7-s300-everything.pcap", 7 },
        { "ics-s7/step7-s300-download.pcap", 11 },
        { "ics-modbus/icsnpp-modbus-example.pcap", 5 },
        { "ics-other/dnp3.pcap", 9 },
        { "ics-other/enip-cip-example.pcap", 17 },
    };

    [Theory]
    [MemberData(nameof(Captures_))]
    public void Events_survive_resegmentation_reordering_and_retransmission(string capture, int chunk)
    {
        string original = Events(Packets(capture, 0));
        string cut = Events(Packets(capture, chunk));
        cut.ShouldBe(original);
        original.ShouldNotBeEmpty();
        output.WriteLine($"{capture}: {original.Split('\n').Length} events identical with {chunk}-byte segments");
    }

    private static string Events(List<(long Ticks, int Link, byte[] Frame)> packets)
    {
        var sink = new CollectingSink();
        var engine = new SensorEngine(new SensorOptions(), sink);
        foreach (var (ticks, link, frame) in packets)
        {
            engine.Process(new RawPacket(ticks, link, frame.Length, frame));
        }

        engine.Complete();
        engine.Stats.Dissectors.FaultsTotal.ShouldBe(0);
        var stream = new MemoryStream();
        using (var writer = new EventJsonWriter(stream, leaveOpen: true))
        {
            foreach (NetworkEvent e in sink.Events.Where(e => e is not (FlowObserved or DeviceSeen)))
            {
                writer.Write(e);
            }
        }

        // Times may move by a tick (segments of one packet get consecutive ticks): compare everything else.
        return string.Join('\n', Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\"time\":\"[^\"]*\",", "")));
    }

    /// <summary>The capture's packets; with <paramref name="chunk"/> &gt; 0 each TCP payload is re-cut (see class docs).</summary>
    private static List<(long, int, byte[])> Packets(string capture, int chunk)
    {
        var result = new List<(long, int, byte[])>();
        var decoder = new PacketDecoder();
        int n = 0;
        var started = new HashSet<string>(StringComparer.Ordinal);
        using var reader = CaptureFileReader.Open(Captures.Path(capture));
        while (reader.TryReadNext(out RawPacket raw))
        {
            if (chunk == 0 || !decoder.TryDecode(raw.LinkType, raw.Data, out DecodedPacket p) || !p.IsTcp
                || p.PayloadLength == 0 || p.Payload.Length < p.PayloadLength)
            {
                result.Add((raw.TimestampTicks, raw.LinkType, raw.Data.ToArray()));
                continue;
            }

            var pieces = new List<byte[]>();
            for (int offset = 0; offset < p.Payload.Length; offset += chunk)
            {
                int length = Math.Min(chunk, p.Payload.Length - offset);
                pieces.Add(Segment(p, offset, p.Payload.Slice(offset, length)));
            }

            // The first payload of each direction stays first: a flow picked up mid-stream (no SYN) has no other way
            // to know where its byte stream starts (a documented limit).
            bool first = started.Add($"{p.SourceIp}:{p.SourcePort}>{p.DestinationIp}:{p.DestinationPort}");
            if (pieces.Count > 2 && n++ % 3 == 0 && !first)
            {
                (pieces[0], pieces[1]) = (pieces[1], pieces[0]); // out of order
            }

            if (pieces.Count > 1 && n % 5 == 0)
            {
                pieces.Insert(pieces.Count - 1, pieces[^2]); // a retransmission
            }

            long ticks = raw.TimestampTicks;
            foreach (byte[] piece in pieces)
            {
                result.Add((ticks++, LinkTypes.Ethernet, piece));
            }
        }

        return result;
    }

    private static byte[] Segment(in DecodedPacket p, int offset, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[FrameBuilder.MaxLength(payload.Length)];
        int length = FrameBuilder.Tcp(buffer,
            new EthernetSpec(p.SourceMac, p.DestinationMac, p.Vlan),
            new IpSpec(p.SourceIp, p.DestinationIp),
            new TcpSpec(p.SourcePort, p.DestinationPort, p.TcpFlags, p.Sequence + (uint)offset, p.Acknowledgment, p.Window),
            payload);
        return buffer[..length];
    }
}
