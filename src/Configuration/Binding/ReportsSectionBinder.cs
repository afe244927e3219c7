using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>reports:</c>, the scheduled report.</summary>
internal static class ReportsSectionBinder
{
    private static readonly string[] Keys = ["schedule", "time", "day", "tz", "formats", "folder", "mail"];
    private static readonly string[] MailKeys = ["to", "from"];

    private static readonly ValueKind<ReportSchedule> Schedule = ValueKinds.OneOf(
        ("none", ReportSchedule.None), ("daily", ReportSchedule.Daily), ("weekly", ReportSchedule.Weekly));

    private static readonly ValueKind<ReportFormat> Format = ValueKinds.OneOf(
        ("html", ReportFormat.Html), ("pdf", ReportFormat.Pdf), ("md", ReportFormat.Markdown));

    private static readonly ValueKind<DayOfWeek> Day = ValueKinds.OneOf(
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday));

    private static readonly ValueKind<TimeOnly> TimeOfDay = new("a time of day like 07:00 (24-hour HH:MM)",
        (string text, out TimeOnly value, out string? error) =>
        {
            error = null;
            return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        });

    public static ReportsConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "reports", Keys) is not { } section)
        {
            return ReportsConfig.Default;
        }

        var defaults = ReportsConfig.Default;
        var schedule = section.GetValue("schedule", Schedule) ?? ReportSchedule.None;
        var time = section.GetValue("time", TimeOfDay) ?? defaults.Time;
        var day = section.GetValue("day", Day) ?? defaults.Day;
        var tz = section.Get("tz", ValueKinds.TimeZone) ?? defaults.TimeZone;
        var formats = section.GetList("formats", "a list of formats (html, pdf, md)", Format) ?? defaults.Formats;
        if (section["formats"] is { } formatsNode && formats.Count == 0) context.Error(formatsNode, "reports.formats: give at least one format");
        var folder = section.Get("folder", ValueKinds.Text);
        IReadOnlyList<string> to = [];
        string? from = null;
        if (section.Mapping("mail", MailKeys) is { } mail)
        {
            to = mail.GetList("to", "a list of e-mail addresses", ValueKinds.UserPrincipal) ?? [];
            from = mail.Get("from", ValueKinds.UserPrincipal, required: to.Count > 0);
        }

        if (schedule != ReportSchedule.None && folder is null && to.Count == 0)
        {
            context.Error(section.Node, "reports: a schedule needs somewhere to deliver: 'folder' and/or 'mail'");
        }

        if (schedule == ReportSchedule.None) section.RejectIfPresent("day", "'day' is only used with schedule: weekly");
        return new ReportsConfig(schedule, time, day, tz, formats, folder, to, from);
    }
}
