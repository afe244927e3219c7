namespace AutoRespond.Configuration;

/// <summary>The <c>reports:</c> section (issue 9, additive): a scheduled report, written to a folder and/or mailed.</summary>
/// <param name="Schedule"><c>none</c> (default), <c>daily</c> or <c>weekly</c>.</param>
/// <param name="Time">Local time of day the report is made (default 07:00).</param>
/// <param name="Day">Day of the week for weekly reports (default Monday).</param>
/// <param name="TimeZone">IANA time zone of <paramref name="Time"/> (default UTC).</param>
/// <param name="Formats">Formats to write: <c>html</c>, <c>pdf</c>, <c>md</c> (default html and pdf).</param>
/// <param name="Folder">Folder the reports are written to (relative to the configuration file), or null.</param>
/// <param name="MailTo">Recipients of the report mail (Graph <c>sendMail</c> through <c>integrations.graph</c>); empty for none.</param>
/// <param name="MailFrom">The mailbox (user principal name) the mail is sent as; required with <paramref name="MailTo"/>.</param>
public sealed record ReportsConfig(ReportSchedule Schedule, TimeOnly Time, DayOfWeek Day, string TimeZone,
    IReadOnlyList<ReportFormat> Formats, string? Folder, IReadOnlyList<string> MailTo, string? MailFrom)
{
    /// <summary>No scheduled report.</summary>
    public static ReportsConfig Default { get; } =
        new(ReportSchedule.None, new TimeOnly(7, 0), DayOfWeek.Monday, "UTC", [ReportFormat.Html, ReportFormat.Pdf], null, [], null);
}

/// <summary>How often the service makes a report.</summary>
public enum ReportSchedule
{
    /// <summary><c>none</c>: only on demand (<c>autorespond report</c>).</summary>
    None,

    /// <summary><c>daily</c>: every day at <see cref="ReportsConfig.Time"/>, covering the 24 hours before.</summary>
    Daily,

    /// <summary><c>weekly</c>: on <see cref="ReportsConfig.Day"/> at <see cref="ReportsConfig.Time"/>, covering the 7 days before.</summary>
    Weekly,
}

/// <summary>Report formats: <c>html</c>, <c>pdf</c>, <c>md</c>.</summary>
public enum ReportFormat
{
    /// <summary><c>html</c>: one self-contained page with inline SVG charts.</summary>
    Html,

    /// <summary><c>pdf</c>: A4 pages drawn with PDFsharp.</summary>
    Pdf,

    /// <summary><c>md</c>: Markdown.</summary>
    Markdown,
}
