using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Tests.Support;

namespace AutoRespond.Sensor.Tests.Capture;

public sealed class CaptureFormatTests
{
    private static readonly long Epoch = Timestamps.UnixEpochTicks;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Classic_pcap_in_all_four_magics(bool bigEndian, bool nanosecond)
    {
        uint fraction = nanosecond ? 123_456_700u : 123_456u;
        byte[] bytes = CaptureBytes.Pcap(bigEndian, nanosecond, linkType: 113)
            .Record(1_700_000_000, fraction, [1, 2, 3], originalLength: 60)
            .Record(1_700_000_001, 0, [4])
            .ToArray();
        List<(long Ticks, int Link, int Orig, byte[] Data)> packets = ReadAll(bytes);

        packets.Count.ShouldBe(2);
        packets[0].Ticks.ShouldBe(Epoch + 1_700_000_000L * 10_000_000 + (nanosecond ? 1_234_567 : 1_234_560));
        packets[0].Link.ShouldBe(113);
        packets[0].Orig.ShouldBe(60);
        packets[0].Data.ShouldBe(new byte[] { 1, 2, 3 });
        packets[1].Data.ShouldBe(new byte[] { 4 });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pcapng_sections_interfaces_and_packet_blocks(bool bigEndian)
    {
        byte[] bytes = CaptureBytes.PcapNg(bigEndian)
            .Interface(1)                                   // µs
            .Interface(101, tsresol: 9)                     // ns
            .Unknown(4, 12)                                 // name resolution block: skipped
            .Enhanced(0, 1_700_000_000_000_001UL, [0xAA, 0xBB, 0xCC])
            .Enhanced(1, 1_700_000_000_123_456_789UL, [0x45])
            .Unknown(0x40000BAD, 20)                        // custom block: skipped
            .Obsolete(0, 1_700_000_002_000_000UL, [1, 2])
            .Simple([9, 9, 9, 9, 9])
            .Section()                                      // new section: interfaces reset
            .Interface(276, tsresol: 0x80 | 10, tsoffset: 100)
            .Enhanced(0, 1024UL * 5, [7])
            .ToArray();
        List<(long Ticks, int Link, int Orig, byte[] Data)> packets = ReadAll(bytes, "multi.pcapng");

        packets.Count.ShouldBe(5);
        packets[0].Link.ShouldBe(1);
        packets[0].Ticks.ShouldBe(Epoch + 1_700_000_000_000_001L * 10);
        packets[0].Data.ShouldBe(new byte[] { 0xAA, 0xBB, 0xCC });
        packets[1].Link.ShouldBe(101);
        packets[1].Ticks.ShouldBe(Epoch + 1_700_000_000_123_456_789L / 100);
        packets[2].Ticks.ShouldBe(Epoch + 1_700_000_002_000_000L * 10);
        packets[2].Data.ShouldBe(new byte[] { 1, 2 });
        packets[3].Data.ShouldBe(new byte[] { 9, 9, 9, 9, 9 });
        packets[3].Ticks.ShouldBe(packets[2].Ticks); // a simple packet block has no timestamp of its own
        packets[4].Link.ShouldBe(276);
        packets[4].Ticks.ShouldBe(Epoch + (100 + 5) * 10_000_000L); // 2^-10 units, +100 s offset
    }

    [Fact]
    public void Pcapng_packet_for_an_undeclared_interface_is_an_error()
    {
        byte[] bytes = CaptureBytes.PcapNg(false).Interface(1).Enhanced(3, 0, [1]).ToArray();
        string path = CaptureFileReaderTests.Temp(bytes, "bad-if.pcapng");
        try
        {
            using var reader = CaptureFileReader.Open(path);
            Should.Throw<CaptureException>(() => reader.TryReadNext(out _)).Message
                .ShouldBe("bad-if.pcapng: packet for undeclared interface 3 at byte 52 (packet 1)");
        }
        finally
        {
            CaptureFileReaderTests.Cleanup(path);
        }
    }

    [Fact]
    public void Pcapng_block_length_mismatch_is_an_error()
    {
        byte[] bytes = CaptureBytes.PcapNg(false).Interface(1).Enhanced(0, 0, [1, 2, 3, 4]).ToArray();
        bytes[^1] ^= 0x10; // corrupt the trailing length of the last block
        string path = CaptureFileReaderTests.Temp(bytes, "mismatch.pcapng");
        try
        {
            using var reader = CaptureFileReader.Open(path);
            Should.Throw<CaptureException>(() => reader.TryReadNext(out _)).Message.ShouldContain("block length mismatch");
        }
        finally
        {
            CaptureFileReaderTests.Cleanup(path);
        }
    }

    [Fact]
    public void Merged_reader_interleaves_files_by_timestamp()
    {
        string a = Frames.WritePcap([(Frames.At(1), [1]), (Frames.At(3), [3]), (Frames.At(5), [5])]);
        string b = Frames.WritePcap([(Frames.At(2), [2]), (Frames.At(3), [33]), (Frames.At(4), [4])]);
        try
        {
            using var merged = MergedCaptureReader.Open([a, b]);
            var order = new List<byte>();
            while (merged.TryReadNext(out RawPacket p))
            {
                order.Add(p.Data[0]);
            }

            order.ShouldBe(new byte[] { 1, 2, 3, 33, 4, 5 });
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void Merged_reader_throws_a_damaged_files_error_after_all_good_packets()
    {
        string good = Frames.WritePcap([(Frames.At(1), [1]), (Frames.At(9), [9])]);
        string source = Frames.WritePcap([(Frames.At(2), [2, 2, 2, 2])]);
        byte[] bad = File.ReadAllBytes(source);
        File.Delete(source);
        string damaged = CaptureFileReaderTests.Temp(bad[..^2], "damaged.pcap");
        try
        {
            using var merged = MergedCaptureReader.Open([good, damaged]);
            var seen = new List<byte>();
            Should.Throw<CaptureException>(() =>
            {
                while (merged.TryReadNext(out RawPacket p))
                {
                    seen.Add(p.Data[0]);
                }
            }).Message.ShouldStartWith("damaged.pcap: truncated packet record at byte 24 (packet 1)");
            seen.ShouldBe(new byte[] { 1, 9 });
        }
        finally
        {
            File.Delete(good);
            CaptureFileReaderTests.Cleanup(damaged);
        }
    }

    [Fact]
    public void Writer_output_reads_back_identically()
    {
        byte[] frame = Frames.Tcp(true, TcpFlags.Syn, 100, 0);
        string path = Frames.WritePcap([(Frames.At(1.25), frame), (Frames.At(2.5), frame[..20])]);
        try
        {
            List<(long Ticks, int Link, int Orig, byte[] Data)> packets = ReadAll(File.ReadAllBytes(path));
            packets.Count.ShouldBe(2);
            packets[0].Ticks.ShouldBe(Frames.At(1.25));
            packets[0].Data.ShouldBe(frame);
            packets[1].Data.Length.ShouldBe(20);
            packets[0].Link.ShouldBe(LinkTypes.Ethernet);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<(long Ticks, int Link, int Orig, byte[] Data)> ReadAll(byte[] bytes, string name = "synthetic.pcap")
    {
        string path = CaptureFileReaderTests.Temp(bytes, name);
        try
        {
            var list = new List<(long, int, int, byte[])>();
            using var reader = CaptureFileReader.Open(path);
            while (reader.TryReadNext(out RawPacket p))
            {
                list.Add((p.TimestampTicks, p.LinkType, p.OriginalLength, p.Data.ToArray()));
            }

            return list;
        }
        finally
        {
            CaptureFileReaderTests.Cleanup(path);
        }
    }
}
