using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Tests.Support;
using static AutoRespond.Sensor.Tests.Support.Frames;

namespace AutoRespond.Sensor.Tests.Flows;

public sealed class FlowTableTests
{
    private const TcpFlags Syn = TcpFlags.Syn, Ack = TcpFlags.Ack, Fin = TcpFlags.Fin | TcpFlags.Ack,
        Rst = TcpFlags.Rst, SynAck = TcpFlags.Syn | TcpFlags.Ack, Psh = TcpFlags.Psh | TcpFlags.Ack;

    private readonly CollectingSink _sink = new();

    [Fact]
    public void Full_connection_is_SF_with_zeek_history_and_sequence_sizes_and_lingers_5_s()
    {
        FlowTable table = Table();
        Feed(table, 0.0, Tcp(true, Syn, 100, 0));
        Feed(table, 0.1, Tcp(false, SynAck, 500, 101));
        Feed(table, 0.2, Tcp(true, Ack, 101, 501));
        Feed(table, 0.3, Tcp(true, Psh, 101, 501, payload: 30));
        Feed(table, 0.4, Tcp(false, Psh, 501, 131, payload: 70));
        Feed(table, 0.5, Tcp(true, Fin, 131, 571));
        Feed(table, 0.6, Tcp(false, Fin, 571, 132));
        Feed(table, 0.7, Tcp(true, Ack, 132, 572));

        table.AdvanceTime(At(5.59));
        _sink.Ended.ShouldBeEmpty(); // closed at 0.6 → ends at 0.6 + tcp_close_delay
        table.AdvanceTime(At(5.61));

        (FlowRecord f, DateTimeOffset time) = _sink.Ended.ShouldHaveSingleItem();
        time.UtcTicks.ShouldBe(At(5.6));
        (f.OrigIp, f.OrigPort, f.RespIp, f.RespPort, f.Proto).ShouldBe(("10.10.0.66", 40000, "10.20.0.5", 102, "tcp"));
        (f.ConnState, f.History).ShouldBe(("SF", "ShADdFf")); // the responder never sent a pure ACK
        (f.OrigBytes, f.RespBytes).ShouldBe((30L, 70L));
        (f.OrigPkts, f.RespPkts).ShouldBe((5L, 3L));
        f.OrigIpBytes.ShouldBe(5 * 40 + 30L);
        f.Duration.ShouldBe(TimeSpan.FromSeconds(0.6)); // the ACK after both FINs does not extend it
        f.Start.UtcTicks.ShouldBe(T0);
        (f.OrigMac, f.RespMac).ShouldBe(("02:00:00:00:00:01", "02:00:00:00:00:02"));
        f.Vlan.ShouldBeNull();
        _sink.Attempts.ShouldBeEmpty();
    }

    [Fact]
    public void Unanswered_syn_raises_one_attempt_after_5_s_and_retransmissions_stay_one_flow()
    {
        FlowTable table = Table();
        Feed(table, 0, Tcp(true, Syn, 100, 0));
        Feed(table, 3, Tcp(true, Syn, 100, 0));
        table.AdvanceTime(At(4.9));
        _sink.Attempts.ShouldBeEmpty();
        Feed(table, 9, Tcp(true, Syn, 100, 0));

        (FlowRecord attempt, DateTimeOffset at) = _sink.Attempts.ShouldHaveSingleItem();
        at.UtcTicks.ShouldBe(At(5));
        (attempt.ConnState, attempt.History, attempt.OrigPkts).ShouldBe(("S0", "S", 2L));
        _sink.Ended.ShouldBeEmpty();

        table.AdvanceTime(At(68.9));
        _sink.Ended.ShouldBeEmpty();
        table.AdvanceTime(At(69)); // still in the handshake: Zeek's 1-minute UDP inactivity timeout applies
        (FlowRecord ended, DateTimeOffset endedAt) = _sink.Ended.ShouldHaveSingleItem();
        endedAt.UtcTicks.ShouldBe(At(69));
        (ended.ConnState, ended.History, ended.OrigPkts, ended.Uid).ShouldBe(("S0", "S", 3L, attempt.Uid));
        _sink.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public void With_zeek_attempt_semantics_a_late_retransmission_is_a_new_flow()
    {
        FlowTable table = Table(new FlowTableOptions { AttemptEndsFlow = true });
        Feed(table, 0, Tcp(true, Syn, 100, 0));
        Feed(table, 9, Tcp(true, Syn, 100, 0));
        table.Flush(At(10));

        _sink.Attempts.Count.ShouldBe(2); // the second one at end of capture, as Zeek's expiring attempt timer does
        _sink.Ended.Select(e => (e.Flow.ConnState, e.Time.UtcTicks)).ShouldBe([("S0", At(5)), ("S0", At(10))]);
    }

    [Theory]
    [InlineData(false, TcpFlags.Rst | TcpFlags.Ack, "REJ", "Sr")]
    [InlineData(true, TcpFlags.Rst, "RSTOS0", "SR")]
    public void Refused_and_aborted_attempts(bool fromClient, TcpFlags flags, string state, string history)
    {
        FlowTable table = Table();
        Feed(table, 0, Tcp(true, Syn, 100, 0));
        Feed(table, 0.01, Tcp(fromClient, flags, fromClient ? 101u : 0u, 101));
        table.Flush(At(1));
        FlowRecord f = _sink.Ended.ShouldHaveSingleItem().Flow;
        (f.ConnState, f.History).ShouldBe((state, history));
    }

    [Fact]
    public void New_syn_with_another_isn_on_a_closed_flow_starts_a_new_flow()
    {
        FlowTable table = Table();
        Feed(table, 0, Tcp(true, Syn, 100, 0));
        Feed(table, 0.1, Tcp(false, TcpFlags.Rst | TcpFlags.Ack, 0, 101));
        Feed(table, 1, Tcp(true, Syn, 9000, 0));
        table.Flush(At(2));
        _sink.Ended.Select(e => e.Flow.ConnState).ShouldBe(["REJ", "S0"]);
        _sink.Ended[0].Time.UtcTicks.ShouldBe(At(1));
        _sink.Ended[0].Flow.Uid.ShouldNotBe(_sink.Ended[1].Flow.Uid);
    }

    [Fact]
    public void Midstream_data_is_OTH_and_a_syn_ack_from_a_server_port_is_flipped()
    {
        FlowTable table = Table();
        Feed(table, 0, Tcp(true, Psh, 5000, 7000, payload: 10));
        Feed(table, 0.1, Tcp(false, Psh, 7000, 5010, payload: 4));
        Feed(table, 1, Tcp(false, SynAck, 1, 2, clientPort: 41000, serverPort: 80));
        table.Flush(At(2));

        FlowRecord mid = _sink.Ended[0].Flow;
        (mid.ConnState, mid.History, mid.OrigBytes, mid.RespBytes).ShouldBe(("OTH", "Dd", 10L, 4L));
        FlowRecord flipped = _sink.Ended[1].Flow;
        (flipped.OrigIp, flipped.OrigPort, flipped.RespPort, flipped.History, flipped.ConnState)
            .ShouldBe(("10.10.0.66", 41000, 80, "^h", "OTH"));
    }

    [Fact]
    public void Syn_ack_seen_before_its_syn_is_flipped_back_to_the_syn_sender()
    {
        FlowTable table = Table();
        Feed(table, 0.00, Tcp(false, SynAck, 500, 101, serverPort: 5000));
        Feed(table, 0.01, Tcp(true, Syn, 100, 0, serverPort: 5000));
        Feed(table, 0.02, Tcp(true, Ack, 101, 501, serverPort: 5000));
        table.Flush(At(1));
        FlowRecord f = _sink.Ended.ShouldHaveSingleItem().Flow;
        (f.OrigIp, f.OrigPort, f.RespPort, f.ConnState, f.History).ShouldBe(("10.10.0.66", 40000, 5000, "S1", "Hs^A"));
    }

    [Fact]
    public void Syn_ack_then_ack_from_a_non_server_port_flips_when_the_ack_arrives()
    {
        // No likely-server port to go by: the flow starts with the SYN-ACK sender as originator, and the first ACK
        // or data after it flips the roles (zeek/zeek#2191). The letter recorded before the flip stays upper case.
        FlowTable table = Table();
        Feed(table, 0.00, Tcp(false, SynAck, 500, 101, serverPort: 5000));
        Feed(table, 0.01, Tcp(true, Ack, 101, 501, serverPort: 5000));
        Feed(table, 0.02, Tcp(true, Psh, 101, 501, payload: 10, serverPort: 5000));
        table.Flush(At(1));
        FlowRecord f = _sink.Ended.ShouldHaveSingleItem().Flow;
        (f.OrigIp, f.RespPort, f.ConnState, f.History, f.OrigPkts, f.RespPkts, f.OrigBytes)
            .ShouldBe(("10.10.0.66", 5000, "S1", "H^AD", 2L, 1L, 10L));
    }

    [Fact]
    public void Udp_states_and_inactivity_by_packet_time()
    {
        FlowTable table = Table();
        Feed(table, 0, Udp(true, 10));
        Feed(table, 0.5, Udp(false, 20));
        Feed(table, 10, Udp(true, 5, clientPort: 50001));
        Feed(table, 70.4, Udp(true, 5, clientPort: 50001)); // idle 60.4 s: a new flow
        table.Flush(At(71));

        _sink.Ended.Select(e => (e.Flow.ConnState, e.Flow.History, e.Flow.OrigBytes, e.Flow.RespBytes))
            .ShouldBe([("SF", "Dd", 10L, 20L), ("S0", "D", 5L, 0L), ("S0", "D", 5L, 0L)]);
        _sink.Ended[0].Time.UtcTicks.ShouldBe(At(60.5));
        _sink.Ended[1].Time.UtcTicks.ShouldBe(At(70));
    }

    [Fact]
    public void Udp_reply_from_a_server_port_is_flipped_to_SHR()
    {
        FlowTable table = Table();
        Feed(table, 0, Udp(false, 40, clientPort: 40123, serverPort: 53));
        table.Flush(At(1));
        FlowRecord f = _sink.Ended.ShouldHaveSingleItem().Flow;
        (f.OrigIp, f.OrigPort, f.RespPort, f.ConnState, f.History, f.OrigPkts, f.RespPkts)
            .ShouldBe(("10.10.0.66", 40123, 53, "SHR", "^d", 0L, 1L));
    }

    [Fact]
    public void Icmp_echo_request_and_reply_share_a_flow_with_type_and_counterpart_as_ports()
    {
        FlowTable table = Table();
        var buffer = new byte[128];
        int n = FrameBuilder.Icmp(buffer, new EthernetSpec(ClientMac, ServerMac), new IpSpec(Client, Server), 8, 0, new byte[36]);
        Feed(table, 0, buffer[..n]);
        n = FrameBuilder.Icmp(buffer, new EthernetSpec(ServerMac, ClientMac), new IpSpec(Server, Client), 0, 0, new byte[36]);
        Feed(table, 0.01, buffer[..n]);
        table.Flush(At(1));
        FlowRecord f = _sink.Ended.ShouldHaveSingleItem().Flow;
        (f.Proto, f.OrigPort, f.RespPort, f.ConnState, f.OrigPkts, f.RespPkts, f.OrigBytes).ShouldBe(("icmp", 8, 0, "OTH", 1L, 1L, 32L)); // 4 + 36 bytes less the 8-byte header
    }

    [Fact]
    public void Max_flows_evicts_the_longest_idle_flow()
    {
        FlowTable table = Table(new FlowTableOptions { MaxFlows = 2 });
        Feed(table, 0, Udp(true, 1, clientPort: 1001));
        Feed(table, 1, Udp(true, 1, clientPort: 1002));
        Feed(table, 2, Udp(true, 1, clientPort: 1001)); // 1002 is now the idlest
        Feed(table, 3, Udp(true, 1, clientPort: 1003));

        table.FlowsEvicted.ShouldBe(1);
        table.ActiveFlows.ShouldBe(2);
        (FlowRecord evicted, DateTimeOffset at) = _sink.Ended.ShouldHaveSingleItem();
        evicted.OrigPort.ShouldBe(1002);
        at.UtcTicks.ShouldBe(At(3));
    }

    [Fact]
    public void Uids_are_deterministic_per_seed()
    {
        string[] First(ulong seed)
        {
            var sink = new CollectingSink();
            var table = new FlowTable(new FlowTableOptions { UidSeed = seed }, sink);
            for (int i = 0; i < 5; i++)
            {
                Feed(table, i, Udp(true, 1, clientPort: (ushort)(2000 + i)));
            }

            table.Flush(At(10));
            return sink.Ended.Select(e => e.Flow.Uid).ToArray();
        }

        string[] a = First(7), b = First(7), c = First(8);
        a.ShouldBe(b);
        a.ShouldNotBe(c);
        a.Distinct().Count().ShouldBe(5);
        a.ShouldAllBe(u => u.Length == 18 && u[0] == 'C');
    }

    [Fact]
    public void Vlan_of_the_first_packet_is_reported()
    {
        FlowTable table = Table();
        Feed(table, 0, Tcp(true, Syn, 1, 0, vlan: 12));
        table.Flush(At(1));
        _sink.Ended.ShouldHaveSingleItem().Flow.Vlan.ShouldBe(12);
    }

    private FlowTable Table(FlowTableOptions? options = null) => new(options ?? new FlowTableOptions(), _sink);

    private static readonly PacketDecoder Decoder = new();

    private static void Feed(FlowTable table, double seconds, byte[] frame)
    {
        long ticks = At(seconds);
        table.AdvanceTime(ticks);
        Decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();
        table.Process(p, ticks).ShouldBeTrue();
    }
}
