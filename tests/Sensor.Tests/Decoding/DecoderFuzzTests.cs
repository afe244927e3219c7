using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Decoding;

public sealed class DecoderFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Twenty_thousand_corrupted_frames_never_throw()
    {
        List<(int Link, byte[] Frame)> seeds = Seeds();
        var random = new Random(20240601);
        var decoder = new PacketDecoder();
        var sink = new CollectingSink();
        var table = new FlowTable(new FlowTableOptions { MaxFlows = 500, VerifyChecksums = true }, sink);
        var engine = new SensorEngine(new SensorOptions { MaxDevices = 100 }, sink);
        long ticks = Frames.T0;
        int decoded = 0;
        for (int i = 0; i < 20_000; i++)
        {
            (int link, byte[] seed) = seeds[random.Next(seeds.Count)];
            byte[] frame = Mutate(seed, random);
            ticks += random.Next(0, 3_000_000);
            table.AdvanceTime(ticks);
            if (decoder.TryDecode(link, frame, out DecodedPacket p))
            {
                decoded++;
                table.Process(p, ticks);
            }

            engine.Process(new RawPacket(ticks, link, frame.Length, frame));
        }

        table.Flush(ticks);
        engine.Complete();
        output.WriteLine($"decoded {decoded}/20000; failures: "
            + string.Join(", ", decoder.Stats.FailuresByReason().Select(kv => $"{kv.Key}={kv.Value}")));
        decoder.Stats.Failed.ShouldBeGreaterThan(0);
        decoded.ShouldBeGreaterThan(1000);
        table.ActiveFlows.ShouldBe(0);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] frame = seed[..random.Next(0, seed.Length + 1)];
        if (frame.Length == 0)
        {
            return frame;
        }

        int flips = random.Next(1, 8);
        for (int j = 0; j < flips; j++)
        {
            frame[random.Next(frame.Length)] = (byte)random.Next(256);
        }

        if (random.Next(4) == 0)
        {
            frame = [.. frame, .. new byte[random.Next(1, 40)]];
        }

        return frame;
    }

    private static List<(int, byte[])> Seeds()
    {
        var seeds = new List<(int, byte[])>();
        foreach (string relative in new[]
                 {
                     "benign-mixed/wikipedia.pcap", "ics-s7/s7comm-plus-inl.pcap", "tls/sslv3-selfsigned-arkime.pcap",
                     "scans-failures/ncsa-multiport-scan.pcap", "dhcp-arp/arp-cloudshark.pcap",
                 })
        {
            using var reader = CaptureFileReader.Open(Captures.Path(relative));
            int n = 0;
            while (reader.TryReadNext(out RawPacket p) && n++ < 60)
            {
                seeds.Add((p.LinkType, p.Data.ToArray()));
            }
        }

        seeds.Add((LinkTypes.LinuxSll2, [0x86, 0xDD, 0, 0, 0, 0, 0, 1, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, .. new byte[60]]));
        seeds.Add((LinkTypes.Raw, Frames.Tcp(true, TcpFlags.Syn, 1, 0)[14..]));
        return seeds;
    }
}
