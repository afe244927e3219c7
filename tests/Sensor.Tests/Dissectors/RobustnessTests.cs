using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>
/// Hostile input never stops the packet loop: every capture of the corpus (the fuzzed Modbus traces included), every
/// capture cut at random byte offsets, and 100,000 randomly corrupted payloads on dissector ports go through the full
/// sensor with no exception and no dissector fault, and what is skipped is counted.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    public static TheoryData<string> AllCaptures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.EnumerateFiles(Captures.Root, "*.pcap*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Captures.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void Every_capture_whole_and_cut_at_random_offsets_runs_without_a_fault(string capture)
    {
        DissectorRun.Of(capture); // asserts zero faults
        byte[] bytes = File.ReadAllBytes(Captures.Path(capture));
        var random = new Random(capture.Length * 7919 + bytes.Length);
        string dir = Directory.CreateTempSubdirectory("ar-cut-").FullName;
        try
        {
            for (int cut = 0; cut < 4; cut++)
            {
                int offset = random.Next(24, Math.Max(25, bytes.Length));
                string path = Path.Combine(dir, "cut.pcap");
                File.WriteAllBytes(path, bytes[..offset]);
                var engine = new SensorEngine(new SensorOptions(), new CollectingSink());
                try
                {
                    using var reader = CaptureFileReader.Open(path);
                    while (reader.TryReadNext(out RawPacket p))
                    {
                        engine.Process(p);
                    }
                }
                catch (CaptureException)
                {
                    // a truncated record: the capture's fault, reported by the reader, never a dissector's
                }

                engine.Complete();
                engine.Stats.Dissectors.FaultsTotal.ShouldBe(0, $"{capture} cut at {offset}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Fuzzed_modbus_traces_count_their_malformed_adus()
    {
        foreach (string capture in (string[])["ics-modbus/modbus-fuzz72-exceptions.pcap", "ics-modbus/modbus-testdata-part2.pcap", "ics-modbus/modbus-arkime.pcap"])
        {
            var run = DissectorRun.Of(capture);
            var s = run.Stats;
            output.WriteLine($"{capture}: {string.Join(", ", s.Dissectors.Counters().Select(c => $"{c.Key}={c.Value}"))}; "
                + $"gaps={s.Reassembly.Gaps} desyncs={s.Reassembly.Desyncs}");
            run.Ics("modbus").ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void One_hundred_thousand_corrupted_payloads_on_dissector_ports_never_fault_and_are_all_accounted()
    {
        List<(bool Udp, ushort Port, byte[] Payload)> seeds = Seeds();
        var random = new Random(20260105);
        var engine = new SensorEngine(new SensorOptions { MaxDevices = 1000 }, new CountingSink());
        var buffer = new byte[FrameBuilder.MaxLength(4096)];
        long ticks = Frames.T0;
        const int Payloads = 100_000;
        for (int i = 0; i < Payloads; i++)
        {
            var (udp, port, seed) = seeds[random.Next(seeds.Count)];
            byte[] payload = Mutate(seed, seeds[random.Next(seeds.Count)].Payload, random);
            ushort clientPort = (ushort)(10_000 + (i % 50_000));
            var client = IpAddr.FromV4(0x0A00_0000u | (uint)(i / 50_000 + 1));
            var eth = new EthernetSpec(Frames.ClientMac, Frames.ServerMac);
            var ip = new IpSpec(client, Frames.Server);
            int length = udp
                ? FrameBuilder.Udp(buffer, eth, ip, clientPort, port, payload)
                : FrameBuilder.Tcp(buffer, eth, ip, new TcpSpec(clientPort, port, TcpFlags.Ack | TcpFlags.Psh, (uint)random.Next(), 1), payload);
            ticks += TimeSpan.TicksPerMillisecond * 10;
            engine.Process(new RawPacket(ticks, LinkTypes.Ethernet, length, buffer.AsSpan(0, length)));
        }

        engine.Complete();
        var d = engine.Stats.Dissectors;
        var r = engine.Stats.Reassembly;
        long accounted = d.PdusParsed + d.MalformedTotal + d.MismatchesTotal + r.Desyncs + r.ResyncDrops + r.OversizePdus
            + r.Overflows + r.Unfinished;
        output.WriteLine($"{Payloads} payloads: {d.FlowsFollowed} sessions; {string.Join(", ", d.Counters().Select(c => $"{c.Key}={c.Value}"))}; "
            + $"desyncs={r.Desyncs} resync-drops={r.ResyncDrops} oversize={r.OversizePdus} overflows={r.Overflows} unfinished={r.Unfinished}");
        d.FaultsTotal.ShouldBe(0);
        d.FlowsFollowed.ShouldBe(Payloads); // every payload went to a dissector (one fresh flow each)
        accounted.ShouldBeGreaterThanOrEqualTo(Payloads); // each was parsed, or its skip was counted
        d.MalformedTotal.ShouldBeGreaterThan(0);
    }

    /// <summary>Real payloads from the corpus on the dissectors' ports, client side.</summary>
    private static List<(bool, ushort, byte[])> Seeds()
    {
        var seeds = new List<(bool, ushort, byte[])>();
        var decoder = new PacketDecoder();
        foreach (string capture in (string[])["ics-s7/snap7-s300-everything.pcap", "ics-s7/s7comm-plus-inl.pcap", "ics-s7/step7-s300-download.pcap",
                     "ics-modbus/icsnpp-modbus-example.pcap", "ics-other/dnp3.pcap", "ics-other/dnp3-udp-read.pcap",
                     "ics-other/enip-cip-example.pcap", "tls/tls12-nosni-ca.pcap", "rdp/rdp-to-ssl.pcap", "dhcp-arp/dhcp-all-msg-types.pcap"])
        {
            using var reader = CaptureFileReader.Open(Captures.Path(capture));
            while (reader.TryReadNext(out RawPacket raw))
            {
                if (decoder.TryDecode(raw.LinkType, raw.Data, out DecodedPacket p) && (p.IsTcp || p.IsUdp) && p.Payload.Length > 0)
                {
                    ushort port = p.DestinationPort is 102 or 502 or 20000 or 44818 or 443 or 3389 or 67 or 68 ? p.DestinationPort : p.SourcePort;
                    seeds.Add((p.IsUdp, port == 68 ? (ushort)67 : port, p.Payload.ToArray()));
                }
            }
        }

        return seeds;
    }

    private static byte[] Mutate(byte[] seed, byte[] other, Random random)
    {
        byte[] b = (byte[])seed.Clone();
        switch (random.Next(6))
        {
            case 0: // bit flips
                for (int i = random.Next(1, 9); i > 0; i--)
                {
                    b[random.Next(b.Length)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1: // random bytes in the first 32 (headers, length fields)
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    b[random.Next(Math.Min(32, b.Length))] = (byte)random.Next(256);
                }

                break;
            case 2: // truncated
                b = b[..random.Next(b.Length)];
                break;
            case 3: // extended with garbage
                b = [.. b, .. Enumerable.Range(0, random.Next(1, 300)).Select(_ => (byte)random.Next(256))];
                break;
            case 4: // spliced with another protocol's bytes
                int cut = random.Next(b.Length);
                b = [.. b[..cut], .. other[random.Next(other.Length)..]];
                break;
            default: // all random, same length
                random.NextBytes(b);
                break;
        }

        return b.Length == 0 ? [(byte)random.Next(256)] : b.Length > 4000 ? b[..4000] : b;
    }

    private sealed class CountingSink : INetworkEventSink
    {
        public long Count { get; private set; }

        public void Publish(NetworkEvent networkEvent) => Count++;

        public void AdvanceTo(DateTimeOffset packetTime)
        {
        }
    }
}
