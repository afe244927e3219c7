using AutoRespond.Sensor.Reassembly;

namespace AutoRespond.Sensor.Tests.Reassembly;

public sealed class TcpStreamTests
{
    /// <summary>PDUs are "L b1 .. bL-1": the first byte is the whole PDU length (2..255), 0 cannot start a PDU.</summary>
    private sealed class LengthPrefixed : IStreamConsumer
    {
        public List<string> Pdus { get; } = [];

        public int Gaps { get; private set; }

        public bool Stop { get; set; }

        public int FrameLength(int direction, ReadOnlySpan<byte> data) => data.IsEmpty ? 0 : data[0] < 2 ? -1 : data[0];

        public void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks) => Pdus.Add(Convert.ToHexStringLower(pdu));

        public void OnGap(int direction) => Gaps++;

        public bool Wants(int direction) => !Stop;
    }

    private static (TcpStream Stream, LengthPrefixed Consumer, ReassemblyStats Stats) New(ReassemblyOptions? options = null)
    {
        var stats = new ReassemblyStats();
        return (new TcpStream(0, options ?? new ReassemblyOptions(), stats), new LengthPrefixed(), stats);
    }

    private static void Feed(TcpStream s, LengthPrefixed c, uint seq, string hex)
    {
        byte[] b = Convert.FromHexString(hex);
        s.OnSegment(seq, b, b.Length, c, 0);
    }

    [Fact]
    public void Several_pdus_in_one_segment_and_one_pdu_across_segments_are_framed_without_copying_whole_pdus()
    {
        var (s, c, stats) = New();
        Feed(s, c, 1000, "0201" + "03aabb" + "04cc");
        Feed(s, c, 1007, "ddee" + "02ff");
        c.Pdus.ShouldBe(["0201", "03aabb", "04ccddee", "02ff"]);
        stats.BytesBuffered.ShouldBe(4); // only the PDU that straddles: "04cc" waited for "ddee"; "02ff" was not copied
        s.IsIdle.ShouldBeTrue();
    }

    [Fact]
    public void Retransmissions_are_ignored_and_overlaps_trimmed()
    {
        var (s, c, stats) = New();
        Feed(s, c, 1, "03aabb03");
        Feed(s, c, 1, "03aabb03");          // same bytes again
        Feed(s, c, 3, "bb03ccdd");          // overlaps two delivered bytes
        c.Pdus.ShouldBe(["03aabb", "03ccdd"]);
        stats.Retransmissions.ShouldBe(1);
        stats.Overlaps.ShouldBe(1);
    }

    [Fact]
    public void Out_of_order_segments_are_held_until_the_hole_fills()
    {
        var (s, c, stats) = New();
        Feed(s, c, 100, "0201");
        Feed(s, c, 104, "0203");            // ahead of a 2-byte hole
        c.Pdus.ShouldBe(["0201"]);
        Feed(s, c, 102, "0202");
        c.Pdus.ShouldBe(["0201", "0202", "0203"]);
        stats.OutOfOrder.ShouldBe(1);
        stats.Gaps.ShouldBe(0);
    }

    [Fact]
    public void A_hole_the_peer_acknowledged_is_given_up_at_once_and_framing_resumes_at_the_next_pdu()
    {
        var (s, c, stats) = New();
        Feed(s, c, 100, "0201");
        Feed(s, c, 109, "0205");            // bytes 102..108 were never captured
        s.NotePeerAck(111, c, 0);           // ...but the receiver has them
        c.Pdus.ShouldBe(["0201", "0205"]);
        c.Gaps.ShouldBe(1);
        stats.Gaps.ShouldBe(1);
    }

    [Fact]
    public void Too_many_held_segments_give_the_hole_up()
    {
        var (s, c, stats) = New(new ReassemblyOptions { MaxHeldSegments = 2 });
        Feed(s, c, 0, "0200");
        Feed(s, c, 4, "0201");
        Feed(s, c, 6, "0202");
        Feed(s, c, 8, "0203");              // third held segment: the hole at 2..3 is given up
        c.Pdus.ShouldBe(["0200", "0201", "0202", "0203"]);
        stats.Gaps.ShouldBe(1);
        s.IsIdle.ShouldBeTrue();
    }

    [Fact]
    public void Bytes_that_cannot_start_a_pdu_desync_until_a_segment_starts_one()
    {
        var (s, c, stats) = New();
        Feed(s, c, 0, "000000");            // garbage
        Feed(s, c, 3, "0000");              // still garbage: dropped while resynchronising
        Feed(s, c, 5, "02aa");
        c.Pdus.ShouldBe(["02aa"]);
        stats.Desyncs.ShouldBe(1);
        stats.ResyncDrops.ShouldBe(1);
    }

    [Fact]
    public void An_unfinished_pdu_beyond_the_buffer_cap_is_dropped_and_counted()
    {
        var (s, c, stats) = New(new ReassemblyOptions { MaxBufferedBytes = 8, MaxPduBytes = 1000 });
        Feed(s, c, 0, "ff0102030405");      // announces 255 bytes
        Feed(s, c, 6, "060708090a0b");      // would need 12 buffered bytes
        stats.Overflows.ShouldBe(1);
        c.Gaps.ShouldBe(1);
        Feed(s, c, 12, "03abcd");
        c.Pdus.ShouldBe(["03abcd"]);
    }

    [Fact]
    public void A_pdu_longer_than_the_cap_is_skipped_without_buffering()
    {
        var (s, c, stats) = New(new ReassemblyOptions { MaxPduBytes = 16 });
        Feed(s, c, 0, "20" + new string('a', 30));   // a 32-byte PDU, 16 bytes here
        Feed(s, c, 16, new string('b', 32) + "02cc"); // its other 16 bytes, then a PDU
        stats.OversizePdus.ShouldBe(1);
        stats.BytesBuffered.ShouldBe(0);
        c.Pdus.ShouldBe(["02cc"]);
    }

    [Fact]
    public void Flush_delivers_held_segments_across_the_hole_and_returns_the_buffers()
    {
        var (s, c, _) = New();
        Feed(s, c, 0, "0200");
        Feed(s, c, 10, "0209");
        Feed(s, c, 12, "04aa");             // unfinished at the end
        s.Flush(c, 0);
        c.Pdus.ShouldBe(["0200", "0209"]);
        s.IsIdle.ShouldBeTrue();
    }

    [Fact]
    public void A_consumer_that_wants_nothing_more_closes_the_stream()
    {
        var (s, c, stats) = New();
        Feed(s, c, 0, "0200");
        c.Stop = true;
        Feed(s, c, 2, "0201");
        c.Pdus.ShouldBe(["0200"]);
        s.IsIdle.ShouldBeTrue();
        stats.Segments.ShouldBe(1);
    }

    [Fact]
    public void Sequence_numbers_wrap_around()
    {
        var (s, c, _) = New();
        Feed(s, c, uint.MaxValue - 1, "0201");
        Feed(s, c, 0, "0202");
        c.Pdus.ShouldBe(["0201", "0202"]);
    }
}
