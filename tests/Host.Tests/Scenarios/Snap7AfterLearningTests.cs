using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.TestUtils;
using static AutoRespond.Host.Tests.Scenarios.ScenarioReplay;

namespace AutoRespond.Host.Tests.Scenarios;

/// <summary>
/// Real third-party S7 captures (2013–2015: STEP7, WinCC, Snap7 and Wireshark samples) form the learning
/// period; then the Snap7 client's "everything" session of 2016 against an S7-300 arrives. Its upload,
/// PI services and PLC stop must stand out as reprogramming and new control commands.
/// </summary>
public sealed class Snap7AfterLearningTests
{
    // First packet of the learning captures: 2013-12-20 15:41 UTC; snap7-s300-everything starts 2016-02-08 22:08 UTC.
    private const string Config = """
        network:
          internal: [134.0.0.0/8, 192.168.0.0/16, 172.16.0.0/12, 194.250.63.0/24]
        learning:
          period: 780d
        """;

    [Fact]
    public async Task Replay_Snap7EverythingAfterS7Learning_FlagsUploadPiServiceAndPlcStop()
    {
        string folder = Captures.Path("ics-s7");
        var learning = Directory.GetFiles(folder, "*.pcap").Select(Path.GetFileName)
            .Where(f => !f!.StartsWith("tia-", StringComparison.Ordinal) && f != "snap7-s300-everything.pcap" && f != "s7ident.pcap")
            .Select(f => Path.Combine(folder, f!)).ToArray();
        learning.Length.ShouldBeGreaterThan(15);
        string config = CliRunner.TempFile("s7.yaml", Config);
        var result = await CliRunner.InProcessAsync(["replay", .. learning, Path.Combine(folder, "snap7-s300-everything.pcap"),
            "--config", config, "--format", "jsonl"]);
        result.ExitCode.ShouldBe(0, result.Stderr);

        var breaches = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => S(l, "type") == "breach").ToArray();
        breaches.ShouldNotBeEmpty();
        breaches.ShouldAllBe(b => S(b, "device") == "134.217.61.131" && T(b) >= new DateTimeOffset(2016, 2, 8, 0, 0, 0, TimeSpan.Zero));
        var reprogram = breaches.Where(b => S(b, "model") == ModelIds.UncommonIcsReprogram).Select(b => S(b, "summary")).ToArray();
        reprogram.ShouldContain(s => s.Contains("start-upload", StringComparison.Ordinal));
        reprogram.ShouldContain(s => s.Contains("pi-service", StringComparison.Ordinal));
        var actions = breaches.Where(b => S(b, "model") == ModelIds.NewIcsActionCommands).ToArray();
        actions.ShouldNotBeEmpty();
        actions.ShouldContain(b => S(b, "summary").Contains("plc-stop", StringComparison.Ordinal)
            || b.GetProperty("evidence").GetRawText().Contains("plc-stop", StringComparison.Ordinal));
    }
}
