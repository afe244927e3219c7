using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

public sealed class ReplayCommandTests
{
    private const string MasscanConfig = """
        network:
          internal: [172.31.0.0/16, 198.124.152.0/24]
        learning:
          period: 0s
        """;

    [Fact]
    public async Task Replay_Masscan_PrintsBreachIncidentAndDryRunTicket_AsPureJsonLines()
    {
        string config = CliRunner.TempFile("masscan.yaml", MasscanConfig);
        var result = await CliRunner.ProcessAsync("replay", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"),
            "--config", config, "--format", "jsonl");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var lines = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            line.GetProperty("type").GetString().ShouldBeOneOf("breach", "incident", "action");
            DateTimeOffset.Parse(line.GetProperty("time").GetString()!).Offset.ShouldBe(TimeSpan.Zero);
        }
        var breach = lines.First(l => l.GetProperty("type").GetString() == "breach");
        breach.GetProperty("model").GetString().ShouldBe(ModelIds.MultipleFailedInternalConnections);
        breach.GetProperty("score").GetDouble().ShouldBeInRange(0.5, 1.0);
        var incident = lines.First(l => l.GetProperty("type").GetString() == "incident");
        incident.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ShouldContain(ModelIds.MultipleFailedInternalConnections);
        var actions = lines.Where(l => l.GetProperty("type").GetString() == "action").ToArray();
        actions.ShouldContain(a => a.GetProperty("kind").GetString() == "ticket" && a.GetProperty("state").GetString() == "dry-run");
        actions.ShouldAllBe(a => a.GetProperty("incident").GetString() == incident.GetProperty("id").GetString());
        // Event-time order.
        var times = lines.Select(l => DateTimeOffset.Parse(l.GetProperty("time").GetString()!)).ToArray();
        times.ShouldBe(times.Order().ToArray());
    }

    [Fact]
    public async Task Replay_SameCaptureTwice_GivesIdenticalOutput()
    {
        string config = CliRunner.TempFile("masscan.yaml", MasscanConfig);
        string capture = Captures.Path("scans-failures/masscan-tcp-0-1000.pcap");
        var first = await CliRunner.InProcessAsync("replay", capture, "--config", config, "--format", "jsonl");
        var second = await CliRunner.InProcessAsync("replay", capture, "--config", config, "--format", "jsonl");
        first.Stdout.ShouldNotBeEmpty();
        second.Stdout.ShouldBe(first.Stdout);
    }

    [Fact]
    public async Task Replay_DefaultLearningPeriod_LearnsOnly()
    {
        // Without a config the first 24 h of event time are learning: a 3-second scan cannot breach.
        string capture = Captures.Path("scans-failures/masscan-tcp-0-1000.pcap");
        var result = await CliRunner.InProcessAsync("replay", capture, "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Replay_TableFormat_ShowsHeaderAndSummary()
    {
        string config = CliRunner.TempFile("masscan.yaml", MasscanConfig);
        var result = await CliRunner.InProcessAsync("replay", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"),
            "--config", config, "--format", "table");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("TIME (UTC)");
        result.Stdout.ShouldContain(ModelIds.MultipleFailedInternalConnections);
        result.Stdout.ShouldContain("1,005 packets");
    }

    [Fact]
    public async Task Replay_TruncatedCapture_ExitsThreeWithOneLineError()
    {
        byte[] bytes = await File.ReadAllBytesAsync(Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), TestContext.Current.CancellationToken);
        string truncated = Path.Combine(Directory.CreateTempSubdirectory("ar-trunc-").FullName, "cut.pcap");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length - 30)], TestContext.Current.CancellationToken);

        var result = await CliRunner.ProcessAsync("replay", truncated, "--format", "jsonl");
        result.ExitCode.ShouldBe(3);
        var errorLines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errorLines.ShouldHaveSingleItem().ShouldContain("cut.pcap");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("not a capture at all")]
    [InlineData("")]
    public async Task Replay_UnreadableCapture_ExitsThree(string content)
    {
        string path = CliRunner.TempFile("bad.pcap", content);
        var result = await CliRunner.InProcessAsync("replay", path, "--format", "jsonl");
        result.ExitCode.ShouldBe(3);
        result.Stderr.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("autorespond: error:");
    }

    [Fact]
    public async Task Replay_MissingCapture_ExitsThree()
    {
        var result = await CliRunner.InProcessAsync("replay", "/nonexistent/x.pcap");
        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("x.pcap");
    }

    [Fact]
    public async Task Replay_InvalidConfig_ExitsTwoAndRunsNothing()
    {
        string config = CliRunner.TempFile("bad.yaml", "learning:\n  period: soon\n");
        var result = await CliRunner.InProcessAsync("replay", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), "--config", config);
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("bad.yaml:2:");
    }

    [Fact]
    public async Task Replay_OutFile_WritesJsonLinesThere()
    {
        string config = CliRunner.TempFile("masscan.yaml", MasscanConfig);
        string output = Path.Combine(Directory.CreateTempSubdirectory("ar-out-").FullName, "out.jsonl");
        var result = await CliRunner.InProcessAsync("replay", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"),
            "--config", config, "--format", "jsonl", "--out", output);
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBeEmpty();
        File.ReadAllLines(output).ShouldContain(l => l.Contains("\"type\":\"incident\""));
    }

    [Fact]
    public async Task Replay_StorageCannotBeOpened_ExitsOneWithOneLineError()
    {
        string blocker = CliRunner.TempFile("not-a-dir", "x");
        string config = CliRunner.TempFile("bad-storage.yaml", $"storage:\n  provider: sqlite\n  path: {blocker}/state.db\n");
        var result = await CliRunner.InProcessAsync("replay", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), "--config", config, "--format", "jsonl");
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("autorespond: error: cannot open the sqlite storage");
    }
}
