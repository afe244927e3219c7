using System.Diagnostics;
using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Reports.Rendering;

namespace AutoRespond.Reports.Tests.Rendering;

public sealed class RendererTests
{
    [Fact]
    public void Html_Sample_HasNarrativesActionSectionsSvgChartsAndNothingExternal()
    {
        string html = HtmlReportRenderer.Render(SampleReport.Build());

        html.ShouldContain("inc-0a1b2c3d4e5f");
        html.ShouldContain("unusual admin RDP session, then PLC program transfer");
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("Needs a decision: actions held for confirmation");
        html.ShouldContain("act-4");
        html.ShouldContain("Actions suppressed or capped by change windows");
        html.ShouldContain("EHR upgrade");
        html.Split("<svg").Length.ShouldBe(3);
        html.ShouldContain("ChatGPT");
        html.ShouldContain("plant-historian");
        // Self-contained: the only URL is the SVG namespace.
        html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).ShouldNotContain("http");
    }

    [Fact]
    public void Markdown_Sample_HasTablesWithEscapedPipes()
    {
        var model = SampleReport.Build();
        model = model with { Actions = [.. model.Actions, model.Actions[0] with { Id = "act-6", Reason = "a | b" }] };
        string md = MarkdownReportRenderer.Render(model);
        md.ShouldContain("# AutoRespond report");
        md.ShouldContain("| Time (UTC) | Action | Kind | Target | State | Incident | Window | Expires | Reason |");
        md.ShouldContain("a \\| b");
        md.ShouldContain("| ChatGPT | OpenAI | **no** |");
    }

    [Fact]
    public void Pdf_Sample_FirstPageHoldsTheIncidentAndAnActionTable()
    {
        byte[] pdf = ReportRenderer.Render(SampleReport.Build(), ReportFormat.Pdf);
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        string dir = Directory.CreateTempSubdirectory("ar-pdf-").FullName;
        string file = Path.Combine(dir, "report.pdf");
        File.WriteAllBytes(file, pdf);
        Assert.SkipWhen(!File.Exists("/usr/bin/pdftotext"), "poppler-utils is not installed (scripts/lib/packages.sh installs it)");

        string page1 = Run("/usr/bin/pdftotext", "-f", "1", "-l", "1", "-layout", file, "-");
        page1.ShouldContain("inc-0a1b2c3d4e5f");
        page1.ShouldContain("Actions taken");
        page1.ShouldContain("firewall-block");
        page1.ShouldContain("Target");
        Run("/usr/bin/pdfinfo", file).ShouldContain("Pages:");
    }

    internal static string Run(string exe, params string[] args)
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
