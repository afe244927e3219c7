using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Tests.Support;

namespace AutoRespond.Sensor.Tests.Fuzz;

/// <summary>Regressions found by the fuzzer: capture timestamps that jump backwards or sit at the end of time.</summary>
public sealed class TimestampEdgeTests
{
    private static readonly byte[] Buffer = new byte[FrameBuilder.MaxLength(0)];

    [Fact]
    public void Process_EvictionByAnEarlierTimestamp_FlowIsNotReportedBeforeItStarted()
    {
        var sink = new CollectingSink();
        var engine = new SensorEngine(new SensorOptions { Flows = new FlowTableOptions { MaxFlows = 1 }, ReportDevices = false }, sink);
        long late = Frames.T0 + TimeSpan.TicksPerHour;

        engine.Process(Syn(late, 1000));          // flow A starts an hour in
        engine.Process(Syn(Frames.T0, 1001));     // flow B's timestamp is earlier: A is evicted at B's time
        engine.Complete();

        var ended = sink.Events.OfType<FlowObserved>().Where(e => e.Phase == FlowPhase.Ended).ToList();
        ended.Count.ShouldBe(2);
        ended.ShouldAllBe(e => e.Time >= e.Flow.Start);
    }

    [Fact]
    public void Process_TimestampAtTheEndOfTime_NoExceptionAndFlowsEnd()
    {
        var sink = new CollectingSink();
        var engine = new SensorEngine(new SensorOptions(), sink);

        engine.Process(Syn(DateTime.MaxValue.Ticks - 10, 1000)); // what the readers clamp absurd timestamps to
        engine.Process(Syn(DateTime.MaxValue.Ticks, 1001));
        engine.Complete();

        sink.Events.OfType<FlowObserved>().Count(e => e.Phase == FlowPhase.Ended).ShouldBe(2);
    }

    private static RawPacket Syn(long ticks, ushort clientPort)
    {
        var eth = new EthernetSpec(Frames.ClientMac, Frames.ServerMac);
        var ip = new IpSpec(IpAddr.FromV4(10, 0, 0, 1), IpAddr.FromV4(10, 0, 0, 2));
        int length = FrameBuilder.Tcp(Buffer, eth, ip, new TcpSpec(clientPort, 80, TcpFlags.Syn, 1, 0));
        return new RawPacket(ticks, LinkTypes.Ethernet, length, Buffer.AsSpan(0, length));
    }
}
