using System.Text.Json;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

/// <summary><c>replay CAPTURE --config A --compare B</c>: the actions whose outcome differs between two policies.</summary>
public sealed class ReplayCompareTests
{
    private const string Network = """
        network:
          internal: [172.31.0.0/16, 198.124.152.0/24]
        learning:
          period: 0s
        """;

    private const string BlockingInsideFreeze = Network + """

        response:
          mode: dry-run
          ladder:
            - { min_score: 0.10, actions: [ticket, switch-quarantine], duration: 1h }
        windows:
          - name: Change freeze
            start: 2000-01-01T00:00:00Z
            end: 2100-01-01T00:00:00Z
            effect: suppress
        """;

    private static string Capture => Captures.Path("scans-failures/masscan-tcp-0-1000.pcap");

    [Fact]
    public async Task Compare_DifferentPolicies_PrintsActionDiffLines()
    {
        string a = CliRunner.TempFile("a.yaml", Network);
        string b = CliRunner.TempFile("b.yaml", BlockingInsideFreeze);
        var result = await CliRunner.InProcessAsync("replay", Capture, "--config", a, "--compare", b, "--format", "jsonl");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var lines = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.GetProperty("type").GetString() == "action-diff");
        // A (default ladder, score 0.98): firewall-block in dry-run; B: switch-quarantine, suppressed by the freeze.
        var block = lines.Single(l => l.GetProperty("kind").GetString() == "firewall-block");
        block.GetProperty("state_a").GetString().ShouldBe("dry-run");
        block.GetProperty("state_b").ValueKind.ShouldBe(JsonValueKind.Null);
        var quarantine = lines.Single(l => l.GetProperty("kind").GetString() == "switch-quarantine");
        quarantine.GetProperty("state_a").ValueKind.ShouldBe(JsonValueKind.Null);
        quarantine.GetProperty("state_b").GetString().ShouldBe("suppressed-by-window");
        quarantine.GetProperty("reason_b").GetString().ShouldNotBeNull().ShouldContain("Change freeze");
        block.GetProperty("id").GetString().ShouldStartWith("act-");
        block.GetProperty("target").GetString().ShouldNotBeNullOrEmpty();
        DateTimeOffset.Parse(block.GetProperty("time").GetString()!).Offset.ShouldBe(TimeSpan.Zero);
        // The freeze suppresses B's ticket as well: nothing inside a suppress window goes out.
        var ticket = lines.Single(l => l.GetProperty("kind").GetString() == "ticket");
        (ticket.GetProperty("state_a").GetString(), ticket.GetProperty("state_b").GetString()).ShouldBe(("dry-run", "suppressed-by-window"));
    }

    [Fact]
    public async Task Compare_SamePolicy_PrintsNothing()
    {
        string a = CliRunner.TempFile("a.yaml", Network);
        var result = await CliRunner.InProcessAsync("replay", Capture, "--config", a, "--compare", a, "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Compare_TableFormat_ShowsBothStates()
    {
        string a = CliRunner.TempFile("a.yaml", Network);
        string b = CliRunner.TempFile("b.yaml", BlockingInsideFreeze);
        var result = await CliRunner.InProcessAsync("replay", Capture, "--config", a, "--compare", b, "--format", "table");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("STATE UNDER A");
        result.Stdout.ShouldContain("suppressed-by-window");
        result.Stdout.ShouldContain("(none)");
    }

    [Fact]
    public async Task Compare_InvalidSecondConfig_ExitsTwo()
    {
        string a = CliRunner.TempFile("a.yaml", Network);
        string b = CliRunner.TempFile("b.yaml", "learning:\n  period: soon\n");
        var result = await CliRunner.InProcessAsync("replay", Capture, "--config", a, "--compare", b);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("b.yaml:2:");
    }

    [Fact]
    public async Task Help_DocumentsCompare()
    {
        var result = await CliRunner.InProcessAsync("replay", "--help");
        result.Stdout.ShouldContain("--compare");
        result.Stdout.ShouldContain("action-diff");
    }
}
