using AutoRespond.Configuration;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using Period = NodaTime.Period;

namespace AutoRespond.Responders.Windows;

/// <summary>
/// When one change window is open. A one-off window is [start, end). A recurring one (RFC 5545 RRULE) repeats
/// its start and end <em>wall times</em> in its zone (<c>tz</c>; UTC when absent): Ical.Net 5.2.4 computes the
/// occurrence starts (RFC 5545 DST rules: a start in a spring-forward gap moves forward, an ambiguous one is
/// the first instant), and the end is computed here, not by Ical.Net (INTEGRATIONS.md §6.2: it collapses
/// windows ending in a repeated hour), as the scheduled start plus the window's wall-clock length, resolved
/// in the zone by the same rules. So "01:00–03:00 Europe/London" ends at 03:00 local every night: one real
/// hour on the spring-forward night, three on the fall-back night (docs/policies-and-windows.md).
/// </summary>
public sealed class WindowSchedule
{
    private static readonly EvaluationOptions Limits = new() { MaxUnmatchedIncrementsLimit = 10_000 };
    private readonly ZoneClock? _clock;
    private readonly CalendarEvent? _event;
    private readonly Period _wallLength = Period.Zero;
    private readonly TimeSpan _exactLength;
    private readonly Func<LocalTime, bool> _isScheduledTime = _ => true;

    private WindowSchedule(WindowConfig window)
    {
        Window = window;
        _exactLength = window.End - window.Start;
        if (window.Rrule is null) return;

        _clock = ZoneClock.For(window.Tz);
        var startLocal = _clock.LocalOf(window.Start);
        _wallLength = Period.Between(startLocal, _clock.LocalOf(window.End), PeriodUnits.Ticks);
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(window.Rrule);
            _event = new CalendarEvent { Start = _clock.ToCal(startLocal) };
            _event.RecurrenceRule = pattern;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new WindowScheduleException($"window '{window.Name}': rrule '{window.Rrule}' cannot be evaluated: {e.Message}", e);
        }
        _isScheduledTime = ScheduledTimes(pattern, startLocal.TimeOfDay);
        MaxLength = _exactLength + TimeSpan.FromHours(3); // a wall-clock length can grow by a DST shift
    }

    public WindowConfig Window { get; }

    public bool IsRecurring => _event is not null;

    /// <summary>An upper bound of any occurrence's length.</summary>
    public TimeSpan MaxLength { get; } = TimeSpan.Zero;

    public static WindowSchedule For(WindowConfig window) => new(window);

    /// <summary>The occurrence open at <paramref name="time"/>, or null.</summary>
    public WindowOccurrence? OccurrenceAt(DateTimeOffset time) =>
        Overlapping(time, time.AddTicks(1)).FirstOrDefault(o => o.Contains(time));

    /// <summary>Occurrences that overlap [<paramref name="from"/>, <paramref name="to"/>), earliest start first.</summary>
    public IEnumerable<WindowOccurrence> Overlapping(DateTimeOffset from, DateTimeOffset to)
    {
        if (_event is null || _clock is null)
        {
            if (Window.End > from && Window.Start < to) yield return new WindowOccurrence(Window, Window.Start, Window.End);
            yield break;
        }

        var searchFrom = from - (_exactLength > TimeSpan.Zero ? _exactLength : TimeSpan.Zero) - TimeSpan.FromHours(3);
        var start = new CalDateTime(searchFrom.UtcDateTime, "UTC");
        using var occurrences = _event.GetOccurrences(start, Limits).GetEnumerator();
        while (Next(occurrences) is { } occurrence)
        {
            var startUtc = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
            if (startUtc >= to) yield break;
            var window = new WindowOccurrence(Window, startUtc, EndOf(startUtc));
            if (window.End > from) yield return window;
        }
    }

    private Occurrence? Next(IEnumerator<Occurrence> occurrences)
    {
        try
        {
            return occurrences.MoveNext() ? occurrences.Current : null;
        }
        catch (EvaluationException)
        {
            return null; // a rule that matches nothing more (say BYMONTHDAY=30;BYMONTH=2): no further occurrence
        }
    }

    private DateTimeOffset EndOf(DateTimeOffset startUtc)
    {
        var scheduled = _clock!.ScheduledLocalOf(startUtc, _isScheduledTime);
        var end = _clock.Resolve(scheduled.Plus(_wallLength));
        // Only when the start itself was moved forward out of a gap can the wall-clock end fall at or before
        // it (say 01:30–02:15 on a night whose 01:00–02:00 does not exist): then the window keeps its length.
        return end > startUtc ? end : startUtc + _exactLength;
    }

    /// <summary>
    /// The times of day a rule can schedule, to tell a start moved out of a spring-forward gap from one that
    /// was scheduled at that wall time. Sub-daily rules (HOURLY and finer) could schedule any time.
    /// </summary>
    private static Func<LocalTime, bool> ScheduledTimes(RecurrencePattern pattern, LocalTime dtstart)
    {
        if (pattern.Frequency < FrequencyType.Daily) return _ => true;
        var hours = pattern.ByHour.Count > 0 ? pattern.ByHour.ToHashSet() : [dtstart.Hour];
        var minutes = pattern.ByMinute.Count > 0 ? pattern.ByMinute.ToHashSet() : [dtstart.Minute];
        var seconds = pattern.BySecond.Count > 0 ? pattern.BySecond.ToHashSet() : [dtstart.Second];
        return t => hours.Contains(t.Hour) && minutes.Contains(t.Minute) && seconds.Contains(t.Second);
    }
}
