using System.Globalization;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Building;

/// <summary>The chart data of a report: incidents over time (by category) and actions by kind (by outcome group).</summary>
public static class ReportCharts
{
    /// <summary>Buckets of an hour for periods up to two days, a day up to 62 days, else a week; bars split by category.</summary>
    public static IReadOnlyList<ChartBar> IncidentsOverTime(IReadOnlyList<ReportIncident> incidents, DateTimeOffset from, DateTimeOffset to)
    {
        var span = to - from;
        var step = span <= TimeSpan.FromDays(2) ? TimeSpan.FromHours(1) : span <= TimeSpan.FromDays(62) ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
        string format = step < TimeSpan.FromDays(1) ? "MM-dd HH:00" : "yyyy-MM-dd";
        var start = Floor(from.ToUniversalTime(), step);
        var bars = new List<ChartBar>();
        for (var t = start; t < to; t += step)
        {
            var end = t + step;
            var parts = incidents.Where(i => i.FirstSeen >= t && i.FirstSeen < end)
                .GroupBy(i => i.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())).ToList();
            bars.Add(new ChartBar(t.UtcDateTime.ToString(format, CultureInfo.InvariantCulture), parts));
        }
        return bars;
    }

    /// <summary>One bar per action kind (most first), split by outcome group.</summary>
    public static IReadOnlyList<ChartBar> ActionsByKind(IReadOnlyList<ReportAction> actions) =>
        [.. actions.GroupBy(a => a.Kind, StringComparer.Ordinal)
            .Select(g => new ChartBar(g.Key, [.. g.GroupBy(a => a.Group).OrderBy(x => x.Key).Select(x => (GroupName(x.Key), x.Count()))]))
            .OrderByDescending(b => b.Total).ThenBy(b => b.Label, StringComparer.Ordinal)];

    public static string GroupName(ActionGroup group) => group switch
    {
        ActionGroup.Taken => "taken",
        ActionGroup.WouldHave => "would have (dry-run)",
        ActionGroup.Suppressed => "suppressed by window",
        ActionGroup.Held => "held for confirmation",
        ActionGroup.Blocked => "blocked",
        _ => "failed",
    };

    private static DateTimeOffset Floor(DateTimeOffset t, TimeSpan step) =>
        new(t.UtcTicks - (t.UtcTicks % Math.Min(step.Ticks, TimeSpan.TicksPerDay)), TimeSpan.Zero);
}
