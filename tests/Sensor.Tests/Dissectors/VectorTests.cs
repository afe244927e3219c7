using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Tests.Support;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>The byte vectors of DETECTION.md §1 (nmap, constructed) through the whole sensor, as TCP conversations.</summary>
public sealed class VectorTests
{
    /// <summary>A TCP conversation on one flow: SYN, SYN-ACK, ACK, then each payload from its side.</summary>
    private sealed class Conversation(ushort serverPort)
    {
        private readonly CollectingSink _sink = new();
        private readonly List<(bool FromClient, byte[] Payload)> _payloads = [];

        public Conversation Client(string hex) => Add(true, hex);

        public Conversation Server(string hex) => Add(false, hex);

        public List<NetworkEvent> Run()
        {
            var engine = new SensorEngine(new SensorOptions(), _sink);
            uint c = 1000, s = 5000;
            double t = 0;
            Send(engine, true, TcpFlags.Syn, c++, 0, [], ref t);
            Send(engine, false, TcpFlags.Syn | TcpFlags.Ack, s++, c, [], ref t);
            Send(engine, true, TcpFlags.Ack, c, s, [], ref t);
            foreach (var (fromClient, payload) in _payloads)
            {
                Send(engine, fromClient, TcpFlags.Ack | TcpFlags.Psh, fromClient ? c : s, fromClient ? s : c, payload, ref t);
                if (fromClient) c += (uint)payload.Length; else s += (uint)payload.Length;
            }

            engine.Complete();
            engine.Stats.Dissectors.FaultsTotal.ShouldBe(0);
            return _sink.Events;
        }

        private Conversation Add(bool fromClient, string hex)
        {
            _payloads.Add((fromClient, Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));
            return this;
        }

        private void Send(SensorEngine engine, bool fromClient, TcpFlags flags, uint seq, uint ack, byte[] payload, ref double t)
        {
            var buffer = new byte[FrameBuilder.MaxLength(payload.Length)];
            var eth = fromClient ? new EthernetSpec(Frames.ClientMac, Frames.ServerMac) : new EthernetSpec(Frames.ServerMac, Frames.ClientMac);
            var ip = fromClient ? new IpSpec(Frames.Client, Frames.Server) : new IpSpec(Frames.Server, Frames.Client);
            var tcp = fromClient ? new TcpSpec(40000, serverPort, flags, seq, ack) : new TcpSpec(serverPort, 40000, flags, seq, ack);
            int n = FrameBuilder.Tcp(buffer, eth, ip, tcp, payload);
            engine.Process(new RawPacket(Frames.At(t += 0.01), LinkTypes.Ethernet, n, buffer.AsSpan(0, n)));
        }
    }

    private sealed class NullSink : INetworkEventSink
    {
        public void Publish(NetworkEvent networkEvent)
        {
        }

        public void AdvanceTo(DateTimeOffset packetTime)
        {
        }
    }

    private static string Ascii(string s) => Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(s));

    [Fact]
    public void Cotp_connect_request_as_pg_and_s7_setup_communication()
    {
        var events = new Conversation(102)
            .Client("03 00 00 16 11 E0 00 00 00 14 00 C1 02 01 00 C2 02 01 02 C0 01 0A")      // nmap s7-info CR
            .Server("03 00 00 16 11 D0 00 14 00 01 00 C0 01 0A C1 02 01 00 C2 02 01 02")
            .Client("03 00 00 19 02 F0 80 32 01 0000 0000 0008 0000 F0 00 0001 0001 01E0")    // setup communication
            .Server("03 00 00 1B 02 F0 80 32 03 0000 0000 0008 0000 0000 F0 00 0001 0001 00F0")
            .Client("03 00 00 21 02 F0 80 32 07 0000 0100 0008 0008 00 01 12 04 11 44 01 00 FF 09 0004 0011 0001") // read SZL
            .Run();
        var ics = events.OfType<IcsCommandSeen>().ToList();
        ics.Select(e => (e.Protocol, e.Function, e.Class, e.Outcome)).ShouldBe(
        [
            ("s7comm", "cotp-connect", "session", "success"),
            ("s7comm", "setup-communication", "session", "success"),
            ("s7comm", "read-szl", "discover", "unknown"),
        ]);
        ics[0].Detail.ShouldBe("calling-tsap=0100 called-tsap=0102(PG rack 0 slot 2)");
        ics[1].Detail.ShouldBe("pdu-size=480");
        ics[2].Detail.ShouldBe("szl=0x0011 index=0x0001");
        events.OfType<FlowObserved>().Single().Flow.Service.ShouldBe("cotp,s7comm");
    }

    [Fact]
    public void Cotp_connect_refused_with_a_disconnect_request_is_a_failure()
    {
        var events = new Conversation(102)
            .Client("03 00 00 16 11 E0 00 00 00 14 00 C1 02 01 00 C2 02 01 02 C0 01 0A")
            .Server("03 00 00 0B 06 80 00 14 00 01 00")
            .Run();
        var connect = events.OfType<IcsCommandSeen>().Single();
        (connect.Function, connect.Outcome).ShouldBe(("cotp-connect", "failure"));
    }

    [Fact]
    public void Two_modbus_adus_in_one_segment()
    {
        var events = new Conversation(502)
            .Client("00 01 00 00 00 06 01 03 00 00 00 0A" + "00 02 00 00 00 05 01 2B 0E 01 00")  // §1.4 vectors
            .Server("00 01 00 00 00 03 01 83 02")
            .Run();
        var ics = events.OfType<IcsCommandSeen>().ToList();
        ics.Select(e => (e.Function, e.Class, e.Outcome, e.Detail)).ShouldBe(
        [
            ("read-holding-registers", "read", "failure", "unit=1 start=0 quantity=10 exception=ILLEGAL_DATA_ADDRESS"),
            ("encap-interface-transport", "discover", "unknown", "unit=1 mei=14 read-device-id=1 object=0"),
        ]);
    }

    [Theory]
    [InlineData("00", false)]
    [InlineData("01", true)]
    public void Rdp_connection_request_with_cookie_and_negotiation(string flags, bool restrictedAdmin)
    {
        var events = new Conversation(3389)
            .Client("03 00 00 2F 2A E0 00 00 00 00 00" + Ascii("Cookie: mstshash=administr") + "0D0A" + $"01 {flags} 08 00 03 00 00 00")
            .Server("03 00 00 13 0E D0 00 00 12 34 00 02 00 08 00 02 00 00 00")
            .Run();
        var rdp = events.OfType<RdpRequestSeen>().Single();
        (rdp.Cookie, rdp.RequestedProtocols, rdp.RestrictedAdmin, rdp.SelectedProtocol, rdp.Confirmed)
            .ShouldBe(("administr", 3, restrictedAdmin, (int?)2, true));
    }

    [Fact]
    public void Flows_no_dissector_wants_cost_no_allocation_per_packet()
    {
        var engine = new SensorEngine(new SensorOptions(), new NullSink());
        byte[] text = System.Text.Encoding.ASCII.GetBytes("hello, not a protocol we dissect");
        var frames = new List<byte[]>();
        foreach (var (fromClient, port) in new[] { (true, (ushort)8080), (false, (ushort)8080) })
        {
            var buffer = new byte[FrameBuilder.MaxLength(text.Length)];
            var eth = fromClient ? new EthernetSpec(Frames.ClientMac, Frames.ServerMac) : new EthernetSpec(Frames.ServerMac, Frames.ClientMac);
            var ip = fromClient ? new IpSpec(Frames.Client, Frames.Server) : new IpSpec(Frames.Server, Frames.Client);
            var tcp = fromClient ? new TcpSpec(40000, port, TcpFlags.Ack | TcpFlags.Psh, 1, 1) : new TcpSpec(port, 40000, TcpFlags.Ack | TcpFlags.Psh, 1, 1);
            frames.Add(buffer[..FrameBuilder.Tcp(buffer, eth, ip, tcp, text)]);
            frames.Add(Frames.Udp(fromClient, 40, 50000, 47000));
        }

        for (int i = 0; i < 2000; i++)
        {
            byte[] f = frames[i % frames.Count];
            engine.Process(new RawPacket(Frames.At(i * 0.001), LinkTypes.Ethernet, f.Length, f));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 2000; i < 12_000; i++)
        {
            byte[] f = frames[i % frames.Count];
            engine.Process(new RawPacket(Frames.At(i * 0.001), LinkTypes.Ethernet, f.Length, f));
        }

        // Any allocation per packet costs at least one object header (24 B): 10,000 packets would show ≥ 240 KB.
        // A one-off buffer (ArrayPool filling the partition of another core after the thread moved) stays far below.
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        (allocated / 10_000.0).ShouldBeLessThan(2.0, $"{allocated} bytes for 10,000 packets");
        engine.Stats.Dissectors.FlowsFollowed.ShouldBe(0);
    }
}
