using System.Globalization;

namespace AutoRespond.Reports.Rendering;

/// <summary>Formatting shared by the renderers: times in UTC, byte counts, scores.</summary>
internal static class ReportText
{
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? t) => t is { } v ? Time(v) : "-";

    public static string Score(double s) => s.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    public static string Device(string ip, string? hostname) => hostname is null ? ip : $"{hostname} ({ip})";

    /// <summary>The section titles of the action groups, in report order.</summary>
    public static readonly (Model.ActionGroup Group, string Title, string Empty)[] ActionSections =
    [
        (Model.ActionGroup.Held, "Needs a decision: actions held for confirmation", "Nothing is waiting for a decision."),
        (Model.ActionGroup.Taken, "Actions taken", "No action was taken."),
        (Model.ActionGroup.WouldHave, "Actions it would have taken (dry-run)", "None."),
        (Model.ActionGroup.Suppressed, "Actions suppressed or capped by change windows", "None."),
        (Model.ActionGroup.Blocked, "Actions blocked (protected assets, limits)", "None."),
        (Model.ActionGroup.Failed, "Actions that failed", "None."),
    ];
}
