using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Flows;

public sealed class ScanCaptureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Masscan_gives_1001_flows_of_which_the_two_probes_the_scanner_reset_are_RSTOS0(bool attemptEndsFlow)
    {
        // 1005 packets: 1001 SYNs to distinct ports, then masscan's own RSTs — two each to ports 80 and 443, each
        // within 1.1 s of its SYN. Zeek's rule (orig RESET, resp inactive, history ^?S[^HAFGIQ]*R.*) makes those two
        // flows RSTOS0 with history "SR"; the other 999 stay S0.
        var sink = new CollectingSink();
        var engine = new SensorEngine(new SensorOptions { Flows = new FlowTableOptions { AttemptEndsFlow = attemptEndsFlow } }, sink);
        using (var reader = CaptureFileReader.Open(Captures.Path("scans-failures/masscan-tcp-0-1000.pcap")))
        {
            while (reader.TryReadNext(out RawPacket p))
            {
                engine.Process(p);
            }
        }

        engine.Complete();
        List<FlowRecord> flows = sink.EndedFlows.ToList();
        output.WriteLine(string.Join(", ", flows.GroupBy(f => f.ConnState).Select(g => $"{g.Key}:{g.Count()}")));

        flows.Count.ShouldBe(1001);
        flows.ShouldAllBe(f => f.Proto == "tcp" && f.OrigIp == "172.31.15.102" && f.RespIp == "198.124.152.15");
        flows.Count(f => f.ConnState == "S0" && f.History == "S").ShouldBe(999);
        flows.Where(f => f.ConnState == "RSTOS0").Select(f => (f.RespPort, f.History, f.OrigPkts))
            .OrderBy(x => x.RespPort).ShouldBe([(80, "SR", 3L), (443, "SR", 3L)]);
        flows.Select(f => f.RespPort).Distinct().Count().ShouldBe(1001);

        List<FlowObserved> attempts = sink.Events.OfType<FlowObserved>().Where(e => e.Phase == FlowPhase.AttemptTimedOut).ToList();
        attempts.Count.ShouldBe(999);
        attempts.Select(a => a.Flow.Uid).Distinct().Count().ShouldBe(999);
        engine.Stats.AttemptTimeouts.ShouldBe(999);
    }

    [Fact]
    public void Rst_behaviour_traces_match_zeeks_baseline()
    {
        string[] traces =
        [
            "scans-failures/tcp-single-rst.pcap", "scans-failures/tcp-syn-then-rst.pcap",
            "scans-failures/tcp-syn-then-ack-then-rst.pcap", "scans-failures/tcp-syn-then-stuff-then-rst.pcap",
        ];
        string[] expected = File.ReadAllLines(Captures.Path("scans-failures/tcp-rst-behavior.zeek-out.txt"))
            .Where(l => !l.StartsWith('#')).ToArray();

        string[] actual = traces
            .Select(t => ZeekBaselineTests.Run(Captures.Path(t), new FlowTableOptions()).Single())
            .Select(f => $"{f.History}, {f.ConnState}")
            .ToArray();

        actual.ShouldBe(expected);
    }

    [Fact]
    public void Bad_checksum_syn_counts_no_packets_when_checksums_are_verified()
    {
        FlowRecord flow = ZeekBaselineTests.Run(Captures.Path("scans-failures/tcp-syn-bad-checksum.pcap"),
            new FlowTableOptions { VerifyChecksums = true }).Single();
        (flow.OrigPkts, flow.RespPkts, flow.History, flow.ConnState).ShouldBe((0L, 0L, "C", "OTH"));

        FlowRecord lenient = ZeekBaselineTests.Run(Captures.Path("scans-failures/tcp-syn-bad-checksum.pcap"),
            new FlowTableOptions()).Single();
        (lenient.OrigPkts, lenient.History, lenient.ConnState).ShouldBe((1L, "S", "S0"));
    }

    [Fact]
    public void Every_capture_runs_through_the_sensor_without_errors()
    {
        long packets = 0, flows = 0;
        foreach (string path in Capture.CaptureFileReaderTests.AllCaptures())
        {
            var sink = new CollectingSink();
            var engine = new SensorEngine(new SensorOptions(), sink);
            using (var reader = CaptureFileReader.Open(path))
            {
                while (reader.TryReadNext(out RawPacket p))
                {
                    engine.Process(p);
                }
            }

            engine.Complete();
            packets += engine.Stats.Packets;
            flows += engine.Stats.FlowsEnded;
            engine.Stats.ActiveFlows.ShouldBe(0);
            engine.Stats.FlowsEnded.ShouldBe(engine.Stats.FlowsCreated);
            sink.Events.Select(e => e.Time).ShouldBeInOrder(SortDirection.Ascending);
        }

        output.WriteLine($"{packets} packets, {flows} flows across the corpus");
    }
}
