using AutoRespond.Configuration;

namespace AutoRespond.Reports.Scheduling;

/// <summary>When scheduled reports run and what they cover: daily at a local time (the 24 h before), weekly on a day (the 7 days before).</summary>
public static class ReportPeriod
{
    /// <summary>The first run strictly after <paramref name="now"/>, or null when nothing is scheduled.</summary>
    public static DateTimeOffset? NextRun(ReportsConfig config, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Schedule == ReportSchedule.None) return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (int days = 0; days <= 8; days++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(days);
            if (config.Schedule == ReportSchedule.Weekly && date.DayOfWeek != config.Day) continue;
            var wall = date.ToDateTime(config.Time);
            if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1); // spring-forward gap: run just after it
            var run = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (run > now) return run.ToUniversalTime();
        }
        return null;
    }

    /// <summary>The period a run at <paramref name="run"/> covers.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Covered(ReportsConfig config, DateTimeOffset run) =>
        (run - (config.Schedule == ReportSchedule.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1)), run);
}
