using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Reports.Rendering;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Reports.Scheduling;

/// <summary>
/// The scheduled report (config <c>reports:</c>): sleeps on the <see cref="TimeProvider"/> until the next run
/// (<see cref="ReportPeriod.NextRun"/>), builds the report of the period before it, writes each format to the folder
/// (<c>autorespond-report-YYYYMMDD-HHmm.ext</c>) and mails it when recipients and a mailer are configured. A failed run
/// is logged (ids and paths, never contents) and the next run goes ahead.
/// </summary>
public sealed partial class ReportScheduler(ReportsConfig config, string? folder, IReportSource source, IReportMailer? mailer,
    TimeProvider time, ILogger<ReportScheduler> logger) : BackgroundService
{
    /// <summary>Files written by the runs so far (for the operator and tests).</summary>
    public IReadOnlyList<string> Written => _written;

    private readonly List<string> _written = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && ReportPeriod.NextRun(config, time.GetUtcNow()) is { } next)
        {
            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            try
            {
                await RunOnceAsync(next, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(next, e.GetType().Name);
            }
        }
    }

    /// <summary>Makes and delivers the report of the period that ends at <paramref name="run"/>.</summary>
    public async Task RunOnceAsync(DateTimeOffset run, CancellationToken cancellationToken)
    {
        var (from, to) = ReportPeriod.Covered(config, run);
        var report = await source.BuildAsync(from, to, cancellationToken).ConfigureAwait(false);
        string stem = "autorespond-report-" + to.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var files = config.Formats.Distinct()
            .Select(f => new ReportFile(stem + ReportRenderer.Extension(f), ReportRenderer.MediaType(f), ReportRenderer.Render(report, f))).ToList();
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                string path = Path.Combine(folder, file.Name);
                string temporary = path + ".tmp";
                await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, path, overwrite: true);
                _written.Add(path);
                LogWritten(path);
            }
        }
        if (config.MailTo.Count > 0 && config.MailFrom is { } sender)
        {
            if (mailer is null)
            {
                LogNoMailer(config.MailTo.Count);
                return;
            }
            string subject = $"AutoRespond report {from.UtcDateTime:yyyy-MM-dd HH:mm} to {to.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
            string body = $"{report.Incidents.Count} incident(s), {report.Actions.Count} action(s), {report.ActionsIn(Model.ActionGroup.Held).Count} waiting for a decision. The full report is attached.";
            await mailer.SendAsync(new ReportMail(sender, config.MailTo, subject, body, files), cancellationToken).ConfigureAwait(false);
            LogMailed(config.MailTo.Count);
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Report written to {Path}")]
    private partial void LogWritten(string path);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Report mailed to {Count} recipient(s)")]
    private partial void LogMailed(int count);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Report mail to {Count} recipient(s) skipped: no mailer is configured (integrations.graph)")]
    private partial void LogNoMailer(int count);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "Scheduled report of {Run} failed ({Error}); the next run goes ahead")]
    private partial void LogRunFailed(DateTimeOffset run, string error);
}
