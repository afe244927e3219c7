using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Tests.Support;
using static AutoRespond.Sensor.Tests.Support.Frames;

namespace AutoRespond.Sensor.Tests.Flows;

/// <summary>The flow table's own structures: the timer queue's order, the index under churn, inactivity by list.</summary>
public sealed class FlowTableStructureTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Timer_queue_pops_in_deadline_then_schedule_order_like_a_priority_queue(int seed)
    {
        var random = new Random(seed);
        var queue = new TimerQueue(3);
        var reference = new PriorityQueue<(int Slot, byte Kind), (long, long)>();
        long now = 0, sequence = 0;
        var popped = new List<(long Deadline, int Slot, byte Kind)>();
        var expected = new List<(long Deadline, int Slot, byte Kind)>();
        for (int step = 0; step < 20_000; step++)
        {
            now += random.Next(0, 50);
            int ring = random.Next(3);
            // Mostly a fixed delay per ring (the rings' case), sometimes a time that went backwards (the heap's case),
            // and equal deadlines often (ties break by schedule order).
            long deadline = random.Next(10) == 0 ? now - random.Next(0, 500) : now + 100 * (ring + 1);
            int slot = random.Next(1000);
            byte kind = (byte)random.Next(5);
            queue.Schedule(ring, slot, kind, deadline);
            reference.Enqueue((slot, kind), (deadline, ++sequence));
            if (random.Next(3) == 0)
            {
                long until = now + random.Next(0, 300);
                while (queue.TryDequeueDue(until, out var e))
                {
                    popped.Add((e.Deadline, e.Slot, e.Kind));
                }

                while (reference.TryPeek(out var r, out var at) && at.Item1 <= until)
                {
                    reference.Dequeue();
                    expected.Add((at.Item1, r.Slot, r.Kind));
                }
            }
        }

        while (queue.TryDequeueDue(long.MaxValue, out var e))
        {
            popped.Add((e.Deadline, e.Slot, e.Kind));
        }

        while (reference.TryDequeue(out var r, out var at))
        {
            expected.Add((at.Item1, r.Slot, r.Kind));
        }

        popped.Count.ShouldBe(20_000);
        popped.ShouldBe(expected);
        queue.Count.ShouldBe(0);
    }

    [Fact]
    public void Index_keeps_every_flow_through_heavy_churn()
    {
        // 30,000 UDP flows opened, half of them answered, in an order that makes long probe runs and removals in
        // the middle of runs; every flow must come out once, with its own packets.
        var sink = new CollectingSink();
        var table = new FlowTable(new FlowTableOptions { UdpInactivityTimeout = TimeSpan.FromSeconds(1) }, sink);
        var decoder = new PacketDecoder();
        var buffer = new byte[128];
        var random = new Random(5);
        int opened = 0, answered = 0;
        for (int i = 0; i < 30_000; i++)
        {
            ushort port = (ushort)(1024 + i % 60_000);
            var client = IpAddr.FromV4(10, 1, (byte)(i >> 8 & 0x3F), (byte)i);
            // One flow per 0.5 ms under a 1-s timeout: about 2,000 live at a time while older ones keep timing out,
            // so removals land all over the index while it also grows.
            Send(table, decoder, buffer, i * 0.0005, client, port, true);
            opened++;
            if (random.Next(2) == 0)
            {
                Send(table, decoder, buffer, i * 0.0005 + 0.0002, client, port, false);
                answered++;
            }
        }

        table.Flush(At(10));
        sink.Ended.Count.ShouldBe(opened);
        // Some client ports are likely server ports, which flips those flows (Zeek): name each by its client side.
        var clients = sink.Ended.Select(e => e.Flow.OrigPort == 9999 ? (e.Flow.RespIp, e.Flow.RespPort) : (e.Flow.OrigIp, e.Flow.OrigPort));
        clients.Distinct().Count().ShouldBe(opened);
        sink.Ended.ShouldAllBe(e => e.Flow.OrigPkts + e.Flow.RespPkts >= 1 && e.Flow.OrigPkts + e.Flow.RespPkts <= 2);
        sink.Ended.Count(e => e.Flow.OrigPkts + e.Flow.RespPkts == 2).ShouldBe(answered);
        table.ActiveFlows.ShouldBe(0);
    }

    [Fact]
    public void Inactivity_ends_flows_timeout_after_their_last_packet_even_when_times_go_backwards()
    {
        var sink = new CollectingSink();
        var table = new FlowTable(new FlowTableOptions(), sink);
        var decoder = new PacketDecoder();
        var buffer = new byte[128];
        Send(table, decoder, buffer, 10, IpAddr.FromV4(10, 0, 0, 1), 1001, true);
        Send(table, decoder, buffer, 5, IpAddr.FromV4(10, 0, 0, 2), 1002, true); // a timestamp from the past
        Send(table, decoder, buffer, 20, IpAddr.FromV4(10, 0, 0, 3), 1003, true);
        Send(table, decoder, buffer, 8, IpAddr.FromV4(10, 0, 0, 1), 1001, true); // the first flow's last packet: earlier

        table.AdvanceTime(At(66));
        sink.Ended.Select(e => (e.Flow.OrigPort, e.Time.UtcTicks)).ShouldBe([(1002, At(65))]);
        table.AdvanceTime(At(79.9));
        sink.Ended.Count.ShouldBe(2);
        table.AdvanceTime(At(80));
        sink.Ended.Select(e => (e.Flow.OrigPort, e.Time.UtcTicks)).ShouldBe([(1002, At(65)), (1001, At(68)), (1003, At(80))]);
    }

    [Fact]
    public void Scaled_history_counts_per_flow_and_side_and_start_over_for_a_new_flow_on_the_same_ports()
    {
        // The counters behind T/t, W/w live outside the flow state, keyed by flow: two connections at once must not
        // share them, the letters come at the 1st, 10th and 100th occurrence, and a later connection starts from zero.
        var sink = new CollectingSink();
        var table = new FlowTable(new FlowTableOptions(), sink);
        var decoder = new PacketDecoder();
        double t = 0;
        void Feed(byte[] frame)
        {
            long ticks = At(t += 0.001);
            table.AdvanceTime(ticks);
            decoder.TryDecode(LinkTypes.Ethernet, frame, out DecodedPacket p).ShouldBeTrue();
            table.Process(p, ticks).ShouldBeTrue();
        }
        void Handshake(ushort port)
        {
            Feed(Tcp(true, TcpFlags.Syn, 100, 0, clientPort: port));
            Feed(Tcp(false, TcpFlags.Syn | TcpFlags.Ack, 500, 101, clientPort: port));
            Feed(Tcp(true, TcpFlags.Ack, 101, 501, clientPort: port));
        }
        void Close(ushort port, uint clientSeq)
        {
            Feed(Tcp(true, TcpFlags.Fin | TcpFlags.Ack, clientSeq, 501, clientPort: port));
            Feed(Tcp(false, TcpFlags.Fin | TcpFlags.Ack, 501, clientSeq + 1, clientPort: port));
            Feed(Tcp(true, TcpFlags.Ack, clientSeq + 1, 502, clientPort: port));
        }

        Handshake(40001);
        Handshake(40002);
        for (int i = 0; i <= 100; i++)
        {
            Feed(Tcp(true, TcpFlags.Psh | TcpFlags.Ack, 101, 501, payload: 10, clientPort: 40001)); // 100 retransmissions
            if (i <= 9)
            {
                Feed(Tcp(true, TcpFlags.Psh | TcpFlags.Ack, 101, 501, payload: 10, clientPort: 40002)); // 9
            }
        }

        Feed(Tcp(false, TcpFlags.Ack, 501, 111, clientPort: 40002, window: 0)); // one zero window, responder side
        Close(40001, 111);
        Close(40002, 111);
        Handshake(40001); // the same ports again: a new connection, new counters
        Feed(Tcp(true, TcpFlags.Psh | TcpFlags.Ack, 101, 501, payload: 10, clientPort: 40001));
        Feed(Tcp(true, TcpFlags.Psh | TcpFlags.Ack, 101, 501, payload: 10, clientPort: 40001));
        table.Flush(At(t + 1));

        var histories = sink.Ended.Select(e => (e.Flow.OrigPort, e.Flow.History)).ToList();
        histories.ShouldBe([(40001, "ShADTTTFf"), (40002, "ShADTawFf"), (40001, "ShADT")], ignoreOrder: true);
    }

    private static void Send(FlowTable table, PacketDecoder decoder, byte[] buffer, double seconds, IpAddr client,
        ushort port, bool fromClient)
    {
        var server = IpAddr.FromV4(10, 200, 0, 1);
        int n = fromClient
            ? FrameBuilder.Udp(buffer, new EthernetSpec(ClientMac, ServerMac), new IpSpec(client, server), port, 9999, new byte[4])
            : FrameBuilder.Udp(buffer, new EthernetSpec(ServerMac, ClientMac), new IpSpec(server, client), 9999, port, new byte[4]);
        long ticks = At(seconds);
        table.AdvanceTime(ticks);
        decoder.TryDecode(LinkTypes.Ethernet, buffer.AsSpan(0, n), out DecodedPacket p).ShouldBeTrue();
        table.Process(p, ticks).ShouldBeTrue();
    }
}
