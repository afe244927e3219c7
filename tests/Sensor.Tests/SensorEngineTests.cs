using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;
using static AutoRespond.Sensor.Tests.Support.Frames;

namespace AutoRespond.Sensor.Tests;

public sealed class SensorEngineTests
{
    private readonly CollectingSink _sink = new();

    [Fact]
    public void Device_seen_once_per_mac_and_ip_pair_including_arp_senders()
    {
        SensorEngine engine = Engine();
        Feed(engine, 0, Tcp(true, TcpFlags.Syn, 1, 0, vlan: 7));
        Feed(engine, 0.1, Tcp(false, TcpFlags.Syn | TcpFlags.Ack, 9, 2, vlan: 7));
        Feed(engine, 0.2, Tcp(true, TcpFlags.Ack, 2, 10, vlan: 7));
        var buffer = new byte[64];
        var newcomer = MacAddress.Parse("02:aa:bb:cc:dd:ee");
        int n = FrameBuilder.Arp(buffer, new EthernetSpec(newcomer, MacAddress.Broadcast), 1, newcomer, IpAddr.Parse("10.10.0.99"), default, Server);
        Feed(engine, 0.3, buffer[..n]);
        n = FrameBuilder.Arp(buffer, new EthernetSpec(newcomer, MacAddress.Broadcast), 1, newcomer, IpAddr.Parse("0.0.0.0"), default, Server);
        Feed(engine, 0.4, buffer[..n]); // ARP probe: no address yet
        n = FrameBuilder.Udp(buffer, new EthernetSpec(ClientMac, MacAddress.Broadcast), new IpSpec(IpAddr.Parse("0.0.0.0"), IpAddr.Parse("255.255.255.255")), 68, 67, new byte[8]);
        Feed(engine, 0.5, buffer[..n]); // DHCP discover from 0.0.0.0

        List<DeviceSeen> devices = _sink.Events.OfType<DeviceSeen>().ToList();
        devices.Select(d => (d.Mac, d.Ip, d.Vlan)).ShouldBe(
        [
            ("02:00:00:00:00:01", "10.10.0.66", (int?)7),
            ("02:00:00:00:00:02", "10.20.0.5", (int?)7),
            ("02:aa:bb:cc:dd:ee", "10.10.0.99", (int?)null),
        ]);
        devices.ShouldAllBe(d => d.Hostname == null);
        devices[0].Time.UtcTicks.ShouldBe(T0);
        engine.Stats.DevicesSeen.ShouldBe(3);
    }

    [Fact]
    public void Clock_follows_packets_and_events_never_go_back_in_time()
    {
        SensorEngine engine = Engine();
        Feed(engine, 0, Tcp(true, TcpFlags.Syn, 1, 0));
        Feed(engine, 2, Udp(true, 4));
        Feed(engine, 1, Udp(true, 4, clientPort: 50001)); // out of order
        Feed(engine, 7, Udp(true, 4, clientPort: 50002)); // fires the attempt timer (due at 5 s) first
        engine.Complete();

        _sink.Advances.Select(a => a.UtcTicks).ShouldBe([At(0), At(2), At(7)]);
        _sink.Events.Select(e => e.Time).ShouldBeInOrder(SortDirection.Ascending);
        FlowObserved attempt = _sink.Events.OfType<FlowObserved>().First(e => e.Phase == FlowPhase.AttemptTimedOut);
        attempt.Time.UtcTicks.ShouldBe(At(5));
        attempt.Flow.ConnState.ShouldBe("S0");
        _sink.Events.OfType<FlowObserved>().Count(e => e.Phase == FlowPhase.Ended).ShouldBe(4);
        engine.Stats.FlowsCreated.ShouldBe(4);
        engine.Stats.ActiveFlows.ShouldBe(0);
        Should.Throw<ObjectDisposedException>(() => engine.Process(new RawPacket(At(8), 1, 0, default)));
    }

    [Fact]
    public void Stats_count_packets_bytes_and_skips_by_reason()
    {
        SensorEngine engine = Engine();
        Feed(engine, 0, Tcp(true, TcpFlags.Syn, 1, 0));
        Feed(engine, 0, new byte[10]);
        Feed(engine, 0, [.. ClientMac.ToArray(), .. ServerMac.ToArray(), 0x88, 0xCC, 0, 0]);
        engine.Stats.Packets.ShouldBe(3);
        engine.Stats.Bytes.ShouldBe(54 + 10 + 16);
        engine.Stats.Decoded.ShouldBe(2);
        engine.Stats.FlowPackets.ShouldBe(1);
        engine.Stats.SkippedByReason().ShouldBe(new Dictionary<string, long>
        {
            ["NonIp"] = 1,
            ["TruncatedLinkHeader"] = 1,
        });
    }

    [Fact]
    public void Replaying_a_capture_twice_gives_identical_events()
    {
        string[] Run()
        {
            var sink = new CollectingSink();
            var engine = new SensorEngine(new SensorOptions(), sink);
            using var reader = CaptureFileReader.Open(Captures.Path("benign-mixed/wikipedia.pcap"));
            while (reader.TryReadNext(out RawPacket p))
            {
                engine.Process(p);
            }

            engine.Complete();
            return sink.Events.Select(e => e.ToString()).ToArray();
        }

        string[] first = Run();
        first.Length.ShouldBeGreaterThan(34);
        Run().ShouldBe(first);
    }

    private SensorEngine Engine() => new(new SensorOptions(), _sink);

    private static void Feed(SensorEngine engine, double seconds, byte[] frame)
        => engine.Process(new RawPacket(At(seconds), LinkTypes.Ethernet, frame.Length, frame));
}

internal static class MacArrayExtensions
{
    public static byte[] ToArray(this MacAddress mac)
    {
        var b = new byte[6];
        mac.Write(b);
        return b;
    }
}
