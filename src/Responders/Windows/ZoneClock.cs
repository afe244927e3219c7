using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using Duration = NodaTime.Duration;

namespace AutoRespond.Responders.Windows;

/// <summary>
/// Wall-clock arithmetic in one IANA zone (NodaTime's embedded tzdb, so the result does not depend on the
/// machine's zoneinfo). Local times are resolved the RFC 5545 §3.3.5 way: a time in a spring-forward gap
/// is read with the offset before the gap (it moves forward by the gap's length), an ambiguous fall-back
/// time is the first of its two instants.
/// </summary>
internal sealed class ZoneClock
{
    private ZoneClock(DateTimeZone zone, string id)
    {
        Zone = zone;
        Id = id;
    }

    public DateTimeZone Zone { get; }

    /// <summary>The zone id Ical.Net is given (<c>UTC</c> when the window names none).</summary>
    public string Id { get; }

    public static ZoneClock For(string? tz)
    {
        if (tz is null) return new ZoneClock(DateTimeZone.Utc, "UTC");
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz)
            ?? throw new WindowScheduleException($"unknown time zone '{tz}' (expected an IANA id such as Europe/London)");
        return new ZoneClock(zone, tz);
    }

    public LocalDateTime LocalOf(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(Zone).LocalDateTime;

    /// <summary>The instant of a wall time: gap → shifted forward, ambiguous → earlier instant.</summary>
    public DateTimeOffset Resolve(LocalDateTime local) =>
        Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant().ToDateTimeOffset();

    /// <summary>
    /// The wall time an occurrence at <paramref name="instant"/> was scheduled for. Usually the local time of
    /// the instant; but an occurrence scheduled inside a spring-forward gap was moved forward, and its
    /// scheduled wall time is the instant read with the offset before the gap. The two readings are told apart
    /// by the times of day the rule can produce (<paramref name="isScheduledTime"/>).
    /// </summary>
    public LocalDateTime ScheduledLocalOf(DateTimeOffset instant, Func<LocalTime, bool> isScheduledTime)
    {
        var at = Instant.FromDateTimeOffset(instant);
        var actual = at.InZone(Zone).LocalDateTime;
        var interval = Zone.GetZoneInterval(at);
        if (!interval.HasStart || interval.Start == Instant.MinValue) return actual;
        var before = Zone.GetZoneInterval(interval.Start - Duration.FromTicks(1)).WallOffset;
        var gap = interval.WallOffset - before;
        if (gap <= Offset.Zero || at - interval.Start >= gap.ToTimeSpan().ToDuration()) return actual;
        var shifted = at.WithOffset(before).LocalDateTime;
        return isScheduledTime(shifted.TimeOfDay) && !isScheduledTime(actual.TimeOfDay) ? shifted : actual;
    }

    public CalDateTime ToCal(LocalDateTime local) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, Id);
}

internal static class TimeSpanDurations
{
    public static Duration ToDuration(this TimeSpan span) => Duration.FromTimeSpan(span);
}
