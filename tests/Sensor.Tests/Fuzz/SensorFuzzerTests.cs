using AutoRespond.Fuzz;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Fuzz;

/// <summary>
/// The hostile-input harness over the whole sensor, fixed seed and a small corpus (the bench's <c>fuzz</c> mode runs
/// a million packets): no exception escapes, no dissector faults, the flow table and reassembly stay in their bounds,
/// events are sane, and rejections are counted by reason.
/// </summary>
public sealed class SensorFuzzerTests(ITestOutputHelper output)
{
    private static readonly Lazy<SeedCorpus> Corpus = new(() => new SeedCorpus()
        .AddCaptures(Captures.Root, maxPacketsPerCapture: 300, relative => relative.StartsWith("ics-", StringComparison.Ordinal)
            || relative.StartsWith("tls/", StringComparison.Ordinal) || relative.StartsWith("rdp/", StringComparison.Ordinal)
            || relative.StartsWith("dhcp-arp/", StringComparison.Ordinal) || relative.Contains("scan", StringComparison.Ordinal)));

    [Fact]
    public void Run_SixtyThousandMutatedPackets_NoCrashNoViolationAndEveryRejectionCounted()
    {
        FuzzReport report = new SensorFuzzer(Corpus.Value, new SensorFuzzOptions()).Run(seed: 20261125, mutatedPackets: 60_000);
        output.WriteLine(report.ToText());

        report.Crashes.ShouldBe(0, string.Join("\n", report.CrashSamples));
        report.Violations.ShouldBe(0, string.Join("\n", report.ViolationSamples));
        report.Inputs.ShouldBe(60_000);
        report.Reasons.Keys.Count(k => k.StartsWith("decode.", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(6);
        report.Reasons.Keys.Count(k => k.StartsWith("dissector.", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(5);
        report.Reasons.Keys.ShouldContain("reassembly.desyncs");
        report.Observations["flows.peak-active"].ShouldBeLessThanOrEqualTo(64);
        report.Observations["dissector.events"].ShouldBeGreaterThan(0); // mutations reach deep states, not only the decoder
        foreach (string field in (string[])["tpkt.length", "cotp.length", "s7.param-length", "mbap.length", "dnp3.length",
                     "enip.length", "tls.record-length", "tls.handshake-length", "tls.extension-length", "ipv4.ihl",
                     "ipv4.total-length", "tcp.data-offset", "stream.reorder", "stream.duplicate"])
        {
            report.Mutations.ShouldContainKey(field);
        }
    }

    [Fact]
    public void Run_SameSeedTwice_SameFigures()
    {
        var fuzzer = new SensorFuzzer(Corpus.Value, new SensorFuzzOptions());
        FuzzReport first = fuzzer.Run(seed: 5, mutatedPackets: 5_000);
        FuzzReport second = fuzzer.Run(seed: 5, mutatedPackets: 5_000);

        second.Reasons.ShouldBe(first.Reasons);
        second.Mutations.ShouldBe(first.Mutations);
        second.Accepted.ShouldBe(first.Accepted);
    }

    [Theory]
    [InlineData(16, false, 0, 0x1234u)]
    [InlineData(16, true, 0, 0x3412u)]
    [InlineData(24, false, 0, 0x123456u)]
    [InlineData(4, false, 4, 0x1u)]
    [InlineData(4, false, 0, 0x2u)]
    public void Read_FieldOfEachWidthAndOrder_ReadsWhatWriteStored(int bits, bool littleEndian, int shift, uint expected)
    {
        byte[] bytes = [0x12, 0x34, 0x56, 0x78];
        var field = new LengthField("x", 0, bits, littleEndian, shift);

        field.Read(bytes).ShouldBe(expected);
        field.Write(bytes, field.Max);
        field.Read(bytes).ShouldBe(field.Max);
        bytes[3].ShouldBe((byte)0x78); // nothing beyond the field changed
    }
}
