using System.Text.RegularExpressions;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Capture;

public sealed partial class CaptureFileReaderTests(ITestOutputHelper output)
{
    public static IEnumerable<string> AllCaptures() =>
        Directory.EnumerateFiles(Captures.Root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_capture_reads_to_the_end_with_the_manifest_packet_count()
    {
        Dictionary<string, int> manifest = ManifestPacketCounts();
        int checkedCounts = 0, files = 0;
        foreach (string path in AllCaptures())
        {
            using var reader = CaptureFileReader.Open(path);
            int packets = 0;
            while (reader.TryReadNext(out RawPacket p))
            {
                p.Data.Length.ShouldBeLessThanOrEqualTo(p.OriginalLength);
                packets++;
            }

            files++;
            string relative = Path.GetRelativePath(Captures.Root, path).Replace('\\', '/');
            if (manifest.TryGetValue(relative, out int expected))
            {
                packets.ShouldBe(expected, relative);
                checkedCounts++;
            }
        }

        output.WriteLine($"{files} captures read, {checkedCounts} packet counts checked against MANIFEST.md");
        files.ShouldBeGreaterThan(100);
        checkedCounts.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("benign-mixed/pcapng-multi-interface.pcapng", 6, CaptureFormat.PcapNg)]
    [InlineData("benign-mixed/http-port6669-missing-syn.pcapng", 13, CaptureFormat.PcapNg)]
    [InlineData("scans-failures/masscan-tcp-0-1000.pcap", 1005, CaptureFormat.Pcap)]
    [InlineData("ics-s7/s7comm-plus-inl.pcap", 262, CaptureFormat.Pcap)]
    public void Reads_format_and_count(string relative, int expected, CaptureFormat format)
    {
        using var reader = CaptureFileReader.Open(Captures.Path(relative));
        reader.Format.ShouldBe(format);
        long previous = 0;
        while (reader.TryReadNext(out RawPacket p))
        {
            p.TimestampTicks.ShouldBeGreaterThan(Timestamps.UnixEpochTicks);
            previous = p.TimestampTicks;
        }

        previous.ShouldBeGreaterThan(0);
        reader.PacketsRead.ShouldBe(expected);
    }

    [Fact]
    public void Reads_linux_cooked_and_bsd_loopback_link_types()
    {
        using (var sll = CaptureFileReader.Open(Captures.Path("ics-s7/s7comm-plus-inl.pcap")))
        {
            sll.LinkType.ShouldBe(LinkTypes.LinuxSll);
        }

        using var loop = CaptureFileReader.Open(Captures.Path("tls/sslv3-selfsigned-arkime.pcap"));
        loop.LinkType.ShouldBe(LinkTypes.Null);
    }

    [Fact]
    public void First_masscan_timestamp_is_exact()
    {
        using var reader = CaptureFileReader.Open(Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"));
        reader.TryReadNext(out RawPacket p).ShouldBeTrue();
        p.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe("2019-08-21 18:16:47.841604");
    }

    [Fact]
    public void Missing_directory_empty_and_garbage_files_are_one_line_errors()
    {
        string dir = Directory.CreateTempSubdirectory("sensor-reader").FullName;
        try
        {
            Should.Throw<CaptureException>(() => CaptureFileReader.Open(Path.Combine(dir, "nope.pcap")))
                .Message.ShouldContain("no such file");
            Should.Throw<CaptureException>(() => CaptureFileReader.Open(dir)).Message.ShouldContain("not a file");

            string empty = Path.Combine(dir, "empty.pcap");
            File.WriteAllBytes(empty, []);
            Should.Throw<CaptureException>(() => CaptureFileReader.Open(empty)).Message.ShouldBe("empty.pcap: empty file");

            string garbage = Path.Combine(dir, "garbage.pcap");
            File.WriteAllBytes(garbage, "this is not a capture file at all"u8.ToArray());
            string message = Should.Throw<CaptureException>(() => CaptureFileReader.Open(garbage)).Message;
            message.ShouldStartWith("garbage.pcap: not a pcap or pcapng file");
            message.ShouldNotContain('\n');

            string tiny = Path.Combine(dir, "tiny.pcap");
            File.WriteAllBytes(tiny, [0xD4, 0xC3]);
            Should.Throw<CaptureException>(() => CaptureFileReader.Open(tiny)).Message.ShouldContain("too short");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Absurd_capture_length_is_rejected_after_the_good_packets()
    {
        byte[] bytes = CaptureBytes.Pcap(bigEndian: false, nanosecond: false)
            .Record(1, 0, new byte[60])
            .Record(2, 0, new byte[0])
            .ToArray();
        // Patch the second record's caplen to 300000.
        BitConverter.TryWriteBytes(bytes.AsSpan(24 + 16 + 60 + 8), 300_000u).ShouldBeTrue();
        string path = Temp(bytes);
        try
        {
            using var reader = CaptureFileReader.Open(path);
            reader.TryReadNext(out _).ShouldBeTrue();
            string message = Should.Throw<CaptureException>(() => reader.TryReadNext(out _)).Message;
            message.ShouldContain("absurd packet length 300000 at byte 100 (packet 2)");
        }
        finally
        {
            Cleanup(path);
        }
    }

    [Theory]
    [InlineData("scans-failures/masscan-tcp-0-1000.pcap")]
    [InlineData("benign-mixed/pcapng-multi-interface.pcapng")]
    [InlineData("benign-mixed/http-port6669-missing-syn.pcapng")]
    public void Truncated_copies_yield_every_complete_packet_then_throw(string relative)
    {
        byte[] full = File.ReadAllBytes(Captures.Path(relative));
        List<long> ends = relative.EndsWith(".pcapng", StringComparison.Ordinal) ? PacketBlockEnds(full) : RecordEnds(full);
        long headerEnd = relative.EndsWith(".pcapng", StringComparison.Ordinal) ? FirstBlockEnd(full) : 24;
        var cuts = new SortedSet<int> { (int)headerEnd + 1, (int)headerEnd + 7, full.Length - 1, full.Length - 3 };
        foreach (long end in ends.Where((_, i) => i % Math.Max(1, ends.Count / 7) == 0))
        {
            cuts.Add((int)end);
            cuts.Add((int)end + 5);
            cuts.Add((int)end - 2);
        }

        foreach (int cut in cuts.Where(c => c > headerEnd && c < full.Length))
        {
            int complete = ends.Count(e => e <= cut);
            bool clean = ends.Contains(cut) || (relative.EndsWith(".pcapng", StringComparison.Ordinal) && BlockBoundary(full, cut));
            string path = Temp(full[..cut], Path.GetFileName(relative));
            try
            {
                using var reader = CaptureFileReader.Open(path);
                int read = 0;
                Exception? error = Record.Exception(() =>
                {
                    while (reader.TryReadNext(out _))
                    {
                        read++;
                    }
                });
                read.ShouldBe(complete, $"cut at {cut}");
                if (clean)
                {
                    error.ShouldBeNull($"cut at {cut}");
                }
                else
                {
                    error.ShouldBeOfType<CaptureException>($"cut at {cut}");
                    error.Message.ShouldStartWith(Path.GetFileName(path) + ": truncated");
                    error.Message.ShouldContain("at byte");
                    error.Message.ShouldNotContain('\n');
                }
            }
            finally
            {
                Cleanup(path);
            }
        }
    }

    internal static string Temp(byte[] bytes, string name = "capture.pcap")
    {
        string dir = Directory.CreateTempSubdirectory("sensor-cut").FullName;
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    internal static void Cleanup(string path) => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    private static Dictionary<string, int> ManifestPacketCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(Captures.Root, "MANIFEST.md")))
        {
            Match m = ManifestRow().Match(line);
            if (m.Success)
            {
                counts[m.Groups["path"].Value] = int.Parse(m.Groups["pkts"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    [GeneratedRegex(@"^\| `(?<path>[^`]+\.pcap(ng)?)` \|[^|]*\|[^|]*\| (?<pkts>\d+) \|")]
    private static partial Regex ManifestRow();

    private static List<long> RecordEnds(byte[] file)
    {
        var ends = new List<long>();
        long at = 24;
        while (at + 16 <= file.Length)
        {
            uint cap = BitConverter.ToUInt32(file, (int)at + 8);
            at += 16 + cap;
            if (at <= file.Length)
            {
                ends.Add(at);
            }
        }

        return ends;
    }

    private static long FirstBlockEnd(byte[] file) => BitConverter.ToUInt32(file, 4);

    private static List<long> PacketBlockEnds(byte[] file)
    {
        var ends = new List<long>();
        long at = 0;
        while (at + 8 <= file.Length)
        {
            uint type = BitConverter.ToUInt32(file, (int)at), length = BitConverter.ToUInt32(file, (int)at + 4);
            at += length;
            if (type is 2 or 3 or 6 && at <= file.Length)
            {
                ends.Add(at);
            }
        }

        return ends;
    }

    private static bool BlockBoundary(byte[] file, int cut)
    {
        long at = 0;
        while (at < cut && at + 8 <= file.Length)
        {
            at += BitConverter.ToUInt32(file, (int)at + 4);
        }

        return at == cut;
    }
}
