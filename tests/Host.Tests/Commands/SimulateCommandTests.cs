using System.Text.Json;
using AutoRespond.Contracts;

namespace AutoRespond.Host.Tests.Commands;

public sealed class SimulateCommandTests
{
    private const string Attacker = "10.10.0.66";

    [Fact]
    public async Task List_PrintsEveryScenarioWithItsDefaultLength()
    {
        var result = await CliRunner.InProcessAsync("simulate", "--list");
        result.ExitCode.ShouldBe(0, result.Stderr);
        foreach (string name in (string[])["ics-sabotage", "benign-office", "ehr-upgrade"]) result.Stdout.ShouldContain(name);
        result.Stdout.ShouldContain("default --hours 50");
    }

    [Fact]
    public async Task Help_NamesTheScenariosAndTheConfigNextToTheCapture()
    {
        var result = await CliRunner.InProcessAsync("simulate", "--help");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Usage:");
        result.Stdout.ShouldContain("ehr-upgrade");
        result.Stdout.ShouldContain("FILE.yaml");
        result.Stdout.ShouldContain("--seed");
        result.Stdout.ShouldContain("--hours");
    }

    [Theory]
    [InlineData("no-such-scenario", "--out", "x.pcap")]
    [InlineData("ics-sabotage")]
    [InlineData("ics-sabotage", "--out", "x.pcap", "--hours", "0")]
    [InlineData("--out", "x.pcap")]
    public async Task BadUsage_ExitsTwoAndWritesNothing(params string[] args)
    {
        string dir = Directory.CreateTempSubdirectory("ar-sim-bad-").FullName;
        var result = await CliRunner.InProcessAsync(["simulate", .. args.Select(a => a == "x.pcap" ? Path.Combine(dir, a) : a)]);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("autorespond simulate --help");
        Directory.EnumerateFiles(dir).ShouldBeEmpty();
    }

    [Fact]
    public async Task Simulate_WritesTheCaptureAndAValidConfigNextToIt_AndPrintsTheMilestones()
    {
        string capture = Path.Combine(Directory.CreateTempSubdirectory("ar-sim-").FullName, "ics.pcap");
        var result = await CliRunner.InProcessAsync("simulate", "ics-sabotage", "--out", capture, "--hours", "1", "--seed", "3");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBeEmpty();
        new FileInfo(capture).Length.ShouldBeGreaterThan(1_000_000);
        string config = Path.ChangeExtension(capture, ".yaml");
        (await CliRunner.InProcessAsync("config", "validate", config)).ExitCode.ShouldBe(0);
        foreach (string stage in (string[])["new-device", "rdp", "scan", "c2", "ics-download", "plc-stop"]) result.Stderr.ShouldContain(stage);
        result.Stderr.ShouldContain("ics-sabotage (seed 3)");
    }

    [Fact]
    public async Task EhrUpgrade_PrintsBothUpgradeTimes()
    {
        string capture = Path.Combine(Directory.CreateTempSubdirectory("ar-sim-ehr-").FullName, "ehr.pcap");
        var result = await CliRunner.InProcessAsync("simulate", "ehr-upgrade", "--out", capture, "--hours", "1");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var lines = result.Stderr.Split('\n');
        lines.ShouldContain(l => l.Contains("upgrade-1", StringComparison.Ordinal) && l.Contains("2026-12-05 22:", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("upgrade-2", StringComparison.Ordinal) && l.Contains("2026-12-07 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_OfIcsSabotage_BreachesForTheAttacker_AndForNoDeviceOutsideTheAttack()
    {
        string capture = Path.Combine(Directory.CreateTempSubdirectory("ar-sim-replay-").FullName, "ics.pcap");
        (await CliRunner.InProcessAsync("simulate", "ics-sabotage", "--out", capture)).ExitCode.ShouldBe(0);
        var result = await CliRunner.InProcessAsync("replay", capture, "--config", Path.ChangeExtension(capture, ".yaml"), "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var breaches = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("type").GetString() == "breach").ToArray();
        breaches.ShouldContain(b => b.GetProperty("device").GetString() == Attacker
            && b.GetProperty("model").GetString() == ModelIds.MultipleFailedInternalConnections);
        // Other devices may breach only over the attack itself (e.g. the WinCC server answering the attacker's RDP).
        foreach (var breach in breaches.Where(b => b.GetProperty("device").GetString() != Attacker))
            breach.GetRawText().ShouldContain(Attacker, customMessage: breach.GetRawText());
    }

    [Fact]
    public async Task Demo_ShowsTheAttackersIncident()
    {
        var result = await CliRunner.InProcessAsync("demo");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("AutoRespond demo:");
        result.Stdout.ShouldContain("incident  " + Attacker);
        result.Stdout.ShouldContain(ModelIds.MultipleFailedInternalConnections);
        result.Stdout.ShouldContain("dry-run");
    }
}
