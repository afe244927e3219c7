using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Tests.Support;

namespace AutoRespond.Simulation.Tests.Network;

/// <summary>Conversations read back by the sensor's flow table give the Zeek states and byte counts they were built for.</summary>
public sealed class TcpConversationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Session_BulkBothWays_IsSfWithExactPayloadCounts()
    {
        var flow = Single((sim, a, b) => sim.At(T0, () => sim.Tcp(a, b, 8080).Open()
            .Exchange(new byte[700], new byte[250_000], TimeSpan.FromMilliseconds(2)).ClientSends(new byte[3_000]).Close()));
        flow.ConnState.ShouldBe("SF");
        flow.History.ShouldStartWith("ShAD");
        flow.History.ShouldContain("d");
        flow.History.ShouldEndWith("Ff");
        (flow.OrigBytes, flow.RespBytes).ShouldBe((3_700L, 250_000L));
        flow.Vlan.ShouldBe(10);
    }

    [Fact]
    public void Unanswered_IsS0WithRetransmissionsCountedOnce()
    {
        var flow = Single((sim, a, b) => sim.At(T0, () => sim.Tcp(a, b, 102).Unanswered(retries: 2)));
        flow.ConnState.ShouldBe("S0");
        flow.OrigPkts.ShouldBe(3);
    }

    [Fact]
    public void Rejected_IsRej() => Single((sim, a, b) => sim.At(T0, () => sim.Tcp(a, b, 502).Rejected())).ConnState.ShouldBe("REJ");

    [Fact]
    public void HalfOpen_IsRstoWithSynScanHistory()
    {
        var flow = Single((sim, a, b) => sim.At(T0, () => sim.Tcp(a, b, 102).HalfOpen()));
        (flow.ConnState, flow.History).ShouldBe(("RSTO", "ShR"));
    }

    [Fact]
    public void ActivitiesAtTheSameTime_AreWrittenInTimeOrder()
    {
        string path = Write((sim, a, b) =>
        {
            for (int i = 0; i < 20; i++) sim.At(T0 + TimeSpan.FromMilliseconds(i), () => sim.Tcp(a, b, 443).Open().Exchange(new byte[100], new byte[5_000]).Close());
        });
        using var reader = CaptureFileReader.Open(path);
        long last = 0;
        while (reader.TryReadNext(out var packet))
        {
            packet.TimestampTicks.ShouldBeGreaterThanOrEqualTo(last);
            last = packet.TimestampTicks;
        }
        reader.PacketsRead.ShouldBeGreaterThan(20 * 8);
    }

    [Fact]
    public void ActivityWritingBeforeItsStart_Throws()
    {
        using var writer = new PcapWriter(new MemoryStream());
        var sim = new Simulator(writer, 1);
        var (a, b) = Hosts();
        sim.At(T0, () => sim.Udp(T0 - TimeSpan.FromSeconds(1), a, b, 1000, 53, [1, 2, 3]));
        Should.Throw<InvalidOperationException>(() => sim.Run(T0 + TimeSpan.FromMinutes(1)));
    }

    private static FlowRecord Single(Action<Simulator, SimHost, SimHost> build) => Packets.Flows(Write(build)).ShouldHaveSingleItem();

    private static string Write(Action<Simulator, SimHost, SimHost> build)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("ar-sim-tcp-").FullName, "c.pcap");
        using (var writer = PcapWriter.Create(path))
        {
            var sim = new Simulator(writer, 42);
            var (a, b) = Hosts();
            build(sim, a, b);
            sim.Run(T0 + TimeSpan.FromHours(1));
        }
        return path;
    }

    private static (SimHost, SimHost) Hosts() =>
        (SimHost.Internal("A", "10.10.0.51", "f8:bc:12:00:00:01", 10), SimHost.Internal("B", "10.20.0.21", "00:1b:1b:00:00:02", 20, HostStack.Plc));
}
