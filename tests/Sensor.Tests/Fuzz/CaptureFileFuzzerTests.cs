using AutoRespond.Fuzz;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Fuzz;

/// <summary>Mutated and truncated pcap/pcapng files: each reads to its end or stops with a CaptureException, never hangs.</summary>
public sealed class CaptureFileFuzzerTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_ThreeHundredMutatedFiles_ReadOrRejectedWithCaptureExceptionOnly()
    {
        var seeds = CaptureFileFuzzer.Seeds(FuzzSeeds.CaptureFiles(Captures.Root, maxBytes: 12_000));
        seeds.ShouldContain(s => s.Name.EndsWith(".pcapng", StringComparison.Ordinal));
        seeds.ShouldContain(s => s.Name.EndsWith("(big-endian ns)", StringComparison.Ordinal));

        FuzzReport report = new CaptureFileFuzzer(seeds, TimeSpan.FromSeconds(10)).Run(seed: 20261125, files: 300);
        output.WriteLine(report.ToText());

        report.Crashes.ShouldBe(0, string.Join("\n", report.CrashSamples));
        report.Inputs.ShouldBe(300);
        report.Accepted.ShouldBeGreaterThan(0);
        report.Reasons.Count.ShouldBeGreaterThanOrEqualTo(5);
        report.Reasons.Keys.ShouldAllBe(reason => !reason.Contains("does not start with the file name"));
        report.Mutations.Keys.ShouldContain(k => k.StartsWith("pcapng.", StringComparison.Ordinal));
        report.Mutations.Keys.ShouldContain(k => k.StartsWith("pcap.", StringComparison.Ordinal));
    }

    [Fact]
    public void ToBigEndianNanosecond_ClassicPcap_ReadsBackTheSamePackets()
    {
        string path = Captures.Path("ics-modbus/modbus-4sics-mei.pcap");
        byte[] swapped = CaptureFileSeeds.ToBigEndianNanosecond(File.ReadAllBytes(path)).ShouldNotBeNull();
        string copy = Path.Combine(Directory.CreateTempSubdirectory("ar-be-").FullName, "be.pcap");
        File.WriteAllBytes(copy, swapped);
        try
        {
            using var original = AutoRespond.Sensor.Capture.CaptureFileReader.Open(path);
            using var reader = AutoRespond.Sensor.Capture.CaptureFileReader.Open(copy);
            while (original.TryReadNext(out var expected))
            {
                reader.TryReadNext(out var actual).ShouldBeTrue();
                actual.TimestampTicks.ShouldBe(expected.TimestampTicks);
                actual.Data.ToArray().ShouldBe(expected.Data.ToArray());
            }

            reader.TryReadNext(out _).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }
}
