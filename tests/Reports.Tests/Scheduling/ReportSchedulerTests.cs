using AutoRespond.Configuration;
using AutoRespond.Reports.Model;
using AutoRespond.Reports.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Reports.Tests.Scheduling;

public sealed class ReportSchedulerTests
{
    private static ReportsConfig Daily(string tz = "Europe/Berlin") =>
        ReportsConfig.Default with { Schedule = ReportSchedule.Daily, Time = new TimeOnly(7, 0), TimeZone = tz, Formats = [ReportFormat.Html, ReportFormat.Markdown] };

    [Fact]
    public void NextRun_Daily_IsTheNextLocalSevenOClock()
    {
        var now = new DateTimeOffset(2026, 11, 4, 6, 30, 0, TimeSpan.Zero); // 07:30 in Berlin (UTC+1): today's run has passed
        ReportPeriod.NextRun(Daily(), now).ShouldBe(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NextRun_WeeklyAcrossDaylightSaving_KeepsLocalTime()
    {
        var weekly = Daily() with { Schedule = ReportSchedule.Weekly, Day = DayOfWeek.Monday };
        var now = new DateTimeOffset(2026, 3, 25, 12, 0, 0, TimeSpan.Zero); // Wednesday; summer time starts Sunday 29 March
        ReportPeriod.NextRun(weekly, now).ShouldBe(new DateTimeOffset(2026, 3, 30, 5, 0, 0, TimeSpan.Zero)); // 07:00 CEST
        ReportPeriod.Covered(weekly, new DateTimeOffset(2026, 3, 30, 5, 0, 0, TimeSpan.Zero)).From
            .ShouldBe(new DateTimeOffset(2026, 3, 23, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NextRun_None_IsNull() => ReportPeriod.NextRun(ReportsConfig.Default, DateTimeOffset.UnixEpoch).ShouldBeNull();

    [Fact]
    public async Task ExecuteAsync_ClockPassesSevenOClock_WritesTheDaysReportsAndMails()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 5, 0, 0, TimeSpan.Zero));
        string folder = Directory.CreateTempSubdirectory("ar-sched-").FullName;
        var source = new FixedSource();
        var mailer = new RecordingMailer();
        var config = Daily() with { MailTo = ["it@contoso.com"], MailFrom = "autorespond@contoso.com" };
        using var scheduler = new ReportScheduler(config, folder, source, mailer, time, NullLogger<ReportScheduler>.Instance);
        await scheduler.StartAsync(TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Directory.GetFiles(folder).ShouldBeEmpty();

        time.Advance(TimeSpan.FromMinutes(1)); // 06:00 UTC = 07:00 in Berlin
        for (int i = 0; i < 1500 && mailer.Mails.Count == 0; i++) await Task.Delay(20, TestContext.Current.CancellationToken); // up to 30 s on a busy machine
        await scheduler.StopAsync(TestContext.Current.CancellationToken);

        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["autorespond-report-20261104-0600.html", "autorespond-report-20261104-0600.md"]);
        source.Periods.ShouldBe([(new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 4, 6, 0, 0, TimeSpan.Zero))]);
        var mail = mailer.Mails.ShouldHaveSingleItem();
        mail.To.ShouldBe(["it@contoso.com"]);
        mail.Attachments.Count.ShouldBe(2);
        mail.Body.ShouldContain("1 waiting for a decision");
    }

    private sealed class FixedSource : IReportSource
    {
        public List<(DateTimeOffset, DateTimeOffset)> Periods { get; } = [];

        public Task<ReportModel> BuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            Periods.Add((from, to));
            return Task.FromResult(SampleReport.Build());
        }
    }

    private sealed class RecordingMailer : IReportMailer
    {
        public List<ReportMail> Mails { get; } = [];

        public Task SendAsync(ReportMail mail, CancellationToken cancellationToken)
        {
            Mails.Add(mail);
            return Task.CompletedTask;
        }
    }
}
