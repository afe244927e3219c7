using AutoRespond.Configuration;

namespace AutoRespond.Configuration.Tests;

/// <summary>The additive <c>ai:</c> and <c>reports:</c> sections (issue 9) and AI-service catalogue files.</summary>
public sealed class AiAndReportsConfigTests
{
    [Fact]
    public void LoadText_NoAiOrReports_Defaults()
    {
        var config = ConfigLoader.LoadText("learning: { period: 1h }", "c.yaml");
        config.Ai.ShouldBe(AiConfig.Default);
        config.Reports.Schedule.ShouldBe(ReportSchedule.None);
    }

    [Fact]
    public void LoadFile_AiWithCatalogueNextToConfig_ReadsItsServices()
    {
        string dir = Directory.CreateTempSubdirectory("ar-ai-").FullName;
        File.WriteAllText(Path.Combine(dir, "extra.yaml"), """
            services:
              - { id: Internal-LLM, name: Internal LLM, vendor: Contoso, category: api, hosts: [llm.contoso.com, "*.llm.contoso.com"], sanctioned: true }
            """);
        string file = Path.Combine(dir, "config.yaml");
        File.WriteAllText(file, "ai:\n  sanctioned: [chatgpt, \"Claude\"]\n  catalogue: extra.yaml\n");

        var config = ConfigLoader.LoadFile(file);

        config.Ai.Sanctioned.ShouldBe(["chatgpt", "Claude"]);
        config.Ai.CataloguePath.ShouldBe("extra.yaml");
        var service = config.Ai.Services.ShouldHaveSingleItem();
        service.ShouldBe(new AiServiceConfig("internal-llm", "Internal LLM", "Contoso", AiCategory.Api, ["llm.contoso.com", "*.llm.contoso.com"], true),
            new ServiceComparer());
    }

    [Fact]
    public void LoadFile_CatalogueWithErrors_ReportsThemInTheCatalogueFile()
    {
        string dir = Directory.CreateTempSubdirectory("ar-ai-").FullName;
        File.WriteAllText(Path.Combine(dir, "bad.yaml"), "services:\n  - { id: x, name: X, vendor: V, category: robot, hosts: [not a host] }\n  - { id: y, name: Y, vendor: V, category: api, hosts: [y.com], colour: red }\n  - { id: y, name: Y2, vendor: V, category: api, hosts: [y2.com] }\n");
        string file = Path.Combine(dir, "config.yaml");
        File.WriteAllText(file, "ai:\n  catalogue: bad.yaml\n");

        var e = Should.Throw<ConfigException>(() => ConfigLoader.LoadFile(file));

        e.Errors.ShouldAllBe(err => err.File == "bad.yaml");
        e.Errors.ShouldContain(err => err.Line == 2 && err.Message.Contains("category") && err.Message.Contains("chat-assistant"));
        e.Errors.ShouldContain(err => err.Line == 2 && err.Message.Contains("hosts[0]"));
        e.Errors.ShouldContain(err => err.Line == 3 && err.Message.Contains("unknown key 'colour'"));
        e.Errors.ShouldContain(err => err.Line == 4 && err.Message.Contains("duplicate service id 'y'"));
    }

    [Fact]
    public void LoadFile_MissingCatalogue_IsAnErrorAtTheKey()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("ar-ai-").FullName, "config.yaml");
        File.WriteAllText(file, "ai:\n  catalogue: nowhere.yaml\n");
        var error = Should.Throw<ConfigException>(() => ConfigLoader.LoadFile(file)).Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((2, 14));
        error.Message.ShouldContain("file not found");
    }

    [Theory]
    [InlineData("ai: { sanctioned: chatgpt }", 1, "ai.sanctioned: expected a list")]
    [InlineData("ai: { approved: [chatgpt] }", 1, "unknown key 'approved' in 'ai'")]
    [InlineData("reports: { schedule: hourly, folder: r }", 1, "reports.schedule: expected one of none, daily, weekly")]
    [InlineData("reports: { schedule: daily }", 1, "a schedule needs somewhere to deliver")]
    [InlineData("reports: { schedule: weekly, time: '25:00', folder: r }", 1, "reports.time")]
    [InlineData("reports: { schedule: daily, folder: r, formats: [html, docx] }", 1, "reports.formats[1]")]
    [InlineData("reports: { schedule: daily, mail: { to: [it@contoso.com] } }", 1, "missing required key 'from'")]
    [InlineData("reports: { schedule: daily, folder: r, tz: Mars/Olympus }", 1, "reports.tz")]
    public void LoadText_BadAiOrReports_ErrorWithPosition(string yaml, int line, string message)
    {
        var e = Should.Throw<ConfigException>(() => ConfigLoader.LoadText(yaml, "c.yaml"));
        e.Errors.ShouldContain(err => err.Line == line && err.Message.Contains(message), string.Join("\n", e.Errors));
    }

    [Fact]
    public void LoadText_WeeklyReport_BindsEveryKey()
    {
        var r = ConfigLoader.LoadText("""
            reports:
              schedule: weekly
              day: friday
              time: "16:30"
              tz: Europe/Berlin
              formats: [pdf, md]
              folder: /var/reports
              mail: { to: [it@contoso.com, boss@contoso.com], from: autorespond@contoso.com }
            """, "c.yaml").Reports;
        r.ShouldBe(new ReportsConfig(ReportSchedule.Weekly, new TimeOnly(16, 30), DayOfWeek.Friday, "Europe/Berlin",
            [ReportFormat.Pdf, ReportFormat.Markdown], "/var/reports", ["it@contoso.com", "boss@contoso.com"], "autorespond@contoso.com"),
            new ReportsComparer());
    }

    private sealed class ServiceComparer : IEqualityComparer<AiServiceConfig>
    {
        public bool Equals(AiServiceConfig? x, AiServiceConfig? y) =>
            x is not null && y is not null && x with { Hosts = [] } == y with { Hosts = [] } && x.Hosts.SequenceEqual(y.Hosts);

        public int GetHashCode(AiServiceConfig obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class ReportsComparer : IEqualityComparer<ReportsConfig>
    {
        public bool Equals(ReportsConfig? x, ReportsConfig? y) =>
            x is not null && y is not null && x with { Formats = [], MailTo = [] } == y with { Formats = [], MailTo = [] }
            && x.Formats.SequenceEqual(y.Formats) && x.MailTo.SequenceEqual(y.MailTo);

        public int GetHashCode(ReportsConfig obj) => obj.Time.GetHashCode();
    }
}
