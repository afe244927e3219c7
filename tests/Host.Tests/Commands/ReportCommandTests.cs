using System.Diagnostics;
using AutoRespond.Simulation.Scenarios;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

/// <summary><c>autorespond report</c>: the replayed ics-sabotage scenario as HTML and PDF, and usage errors.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_ReplayedIcsSabotage_HtmlAndPdfWhoseFirstPageHoldsTheIncidentAndAnActionTable()
    {
        string dir = Directory.CreateTempSubdirectory("ar-report-").FullName;
        string capture = Path.Combine(dir, "ics.pcap"), config = Path.Combine(dir, "ics.yaml");
        var scenario = ScenarioCatalog.Get("ics-sabotage");
        scenario.Write(capture, new SimulationOptions());
        File.WriteAllText(config, scenario.Config);

        var result = await CliRunner.ProcessAsync("report", "--replay", capture, "--config", config, "--format", "html,pdf",
            "--out", Path.Combine(dir, "report"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        html.ShouldContain("ics-sabotage");
        html.ShouldContain(IcsSabotageScenario.AttackerIp);
        html.ShouldContain("Actions it would have taken (dry-run)");
        html.ShouldContain("<svg");
        string pdf = Path.Combine(dir, "report.pdf");
        File.ReadAllBytes(pdf)[..5].ShouldBe("%PDF-"u8.ToArray());

        Assert.SkipWhen(!File.Exists("/usr/bin/pdftoppm"), "poppler-utils is not installed (scripts/lib/packages.sh installs it)");
        string artifacts = Path.Combine(Captures.RepositoryRoot(), "artifacts", "reports");
        Directory.CreateDirectory(artifacts);
        string stem = Path.Combine(artifacts, "ics-sabotage-report-page");
        Run("/usr/bin/pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", pdf, stem);
        byte[] png = File.ReadAllBytes(stem + ".png");
        png[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        png.Length.ShouldBeGreaterThan(20_000); // a page with text and tables, not a blank one

        string page1 = Run("/usr/bin/pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-");
        page1.ShouldContain("ics-sabotage");
        page1.ShouldContain(IcsSabotageScenario.AttackerIp);
        page1.ShouldMatch(@"inc-[0-9a-f]{12}");
        page1.ShouldContain("Actions it would have taken (dry-run)");
        page1.ShouldMatch(@"Time \(UTC\)\s+Kind\s+Target\s+State\s+Incident");
        page1.ShouldContain("firewall-block");
    }

    [Fact]
    public async Task Report_NoStorageAndNoReplay_ExitsWithUsageError()
    {
        var result = await CliRunner.InProcessAsync("report", "--format", "md");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no storage to report on");
    }

    [Theory]
    [InlineData("--format", "docx", "'docx' is not one of html, pdf, md")]
    [InlineData("--from", "yesterday", "--from: 'yesterday' is not an ISO-8601 time")]
    [InlineData("--to", "2026-11-04T10:00:00", "--to: '2026-11-04T10:00:00' is not an ISO-8601 time")]
    public async Task Report_BadArgument_ExitsWithUsageErrorAndWritesNothing(string option, string value, string message)
    {
        string config = CliRunner.TempFile("r.yaml", "storage: { provider: sqlite, path: never-created.db }\n");
        var result = await CliRunner.InProcessAsync("report", "--config", config, option, value);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(message);
        File.Exists(Path.Combine(Path.GetDirectoryName(config)!, "never-created.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Report_FromStorageOfTheConfig_MarkdownOnStdout()
    {
        string dir = Directory.CreateTempSubdirectory("ar-report-md-").FullName;
        string config = Path.Combine(dir, "r.yaml");
        File.WriteAllText(config, $"storage: {{ provider: sqlite, path: {Path.Combine(dir, "ar.db")} }}\n");
        var result = await CliRunner.InProcessAsync("report", "--config", config, "--format", "md", "--from", "2026-11-01", "--to", "2026-11-02T00:00:00Z");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("# AutoRespond report");
        result.Stdout.ShouldContain("Period 2026-11-01 00:00 to 2026-11-02 00:00 UTC");
        result.Stdout.ShouldContain("No incident in this period.");
    }

    private static string Run(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
        return output;
    }
}
