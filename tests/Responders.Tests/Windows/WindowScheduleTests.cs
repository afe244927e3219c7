using AutoRespond.Responders.Windows;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Windows;

public sealed class WindowScheduleTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static (DateTimeOffset Start, DateTimeOffset End) OccurrenceOn(WindowSchedule schedule, DateTimeOffset probe)
    {
        var occurrence = schedule.OccurrenceAt(probe).ShouldNotBeNull($"no occurrence at {probe:u}");
        return (occurrence.Start, occurrence.End);
    }

    [Fact]
    public void OneOff_EdgesAreHalfOpen()
    {
        var schedule = WindowSchedule.For(Window("EHR upgrade", Utc(12, 5, 22), Utc(12, 6, 4)));
        schedule.OccurrenceAt(Utc(12, 5, 22)).ShouldNotBeNull();
        schedule.OccurrenceAt(Utc(12, 6, 4).AddTicks(-1)).ShouldNotBeNull();
        schedule.OccurrenceAt(Utc(12, 6, 4)).ShouldBeNull();
        schedule.OccurrenceAt(Utc(12, 5, 22).AddTicks(-1)).ShouldBeNull();
    }

    [Fact]
    public void Weekly_BySunday_OpenOnSundaysOnly()
    {
        var schedule = WindowSchedule.For(Window("patching", Utc(12, 6, 1), Utc(12, 6, 3), "FREQ=WEEKLY;BYDAY=SU", "Europe/London"));
        OccurrenceOn(schedule, Utc(12, 13, 2)).ShouldBe((Utc(12, 13, 1), Utc(12, 13, 3)));
        OccurrenceOn(schedule, Utc(12, 20, 1)).ShouldBe((Utc(12, 20, 1), Utc(12, 20, 3)));
        schedule.OccurrenceAt(Utc(12, 12, 2)).ShouldBeNull();
        schedule.OccurrenceAt(Utc(12, 13, 3)).ShouldBeNull();
    }

    [Fact]
    public void Weekly_OvernightWindow_SpansMidnight()
    {
        var schedule = WindowSchedule.For(Window("backup", Utc(12, 5, 22), Utc(12, 6, 4), "FREQ=WEEKLY;BYDAY=SA", "UTC"));
        OccurrenceOn(schedule, Utc(12, 13, 3)).ShouldBe((Utc(12, 12, 22), Utc(12, 13, 4)));
        schedule.OccurrenceAt(Utc(12, 13, 4)).ShouldBeNull();
    }

    [Fact]
    public void Daily_WithCount_StopsAfterCount()
    {
        var schedule = WindowSchedule.For(Window("w", Utc(12, 6, 1), Utc(12, 6, 2), "FREQ=DAILY;COUNT=3", "Europe/London"));
        schedule.OccurrenceAt(Utc(12, 6, 1, 30)).ShouldNotBeNull();
        schedule.OccurrenceAt(Utc(12, 8, 1, 30)).ShouldNotBeNull();
        schedule.OccurrenceAt(Utc(12, 9, 1, 30)).ShouldBeNull();
    }

    [Fact]
    public void Daily_WithUntil_StopsAtUntil()
    {
        var schedule = WindowSchedule.For(Window("w", Utc(12, 6, 1), Utc(12, 6, 2), "FREQ=DAILY;UNTIL=20261210T000000Z", "Europe/London"));
        schedule.OccurrenceAt(Utc(12, 9, 1, 30)).ShouldNotBeNull();
        schedule.OccurrenceAt(Utc(12, 10, 1, 30)).ShouldBeNull();
        schedule.Overlapping(Utc(12, 1, 0), Utc(12, 31, 0)).Count().ShouldBe(4);
    }

    [Fact]
    public void London_OneToThreeLocal_AcrossSpringForward()
    {
        // 2026-03-29: 01:00 GMT becomes 02:00 BST. 01:00 local does not exist: the start moves to 02:00 BST (01:00Z, RFC 5545),
        // the end stays 03:00 local (02:00Z). One real hour.
        var schedule = WindowSchedule.For(Window("night", Utc(3, 20, 1), Utc(3, 20, 3), "FREQ=DAILY", "Europe/London"));
        OccurrenceOn(schedule, Utc(3, 28, 2)).ShouldBe((Utc(3, 28, 1), Utc(3, 28, 3)));
        OccurrenceOn(schedule, Utc(3, 29, 1, 30)).ShouldBe((Utc(3, 29, 1), Utc(3, 29, 2)));
        schedule.OccurrenceAt(Utc(3, 29, 2)).ShouldBeNull();
        OccurrenceOn(schedule, Utc(3, 30, 1)).ShouldBe((Utc(3, 30, 0), Utc(3, 30, 2)));
    }

    [Fact]
    public void London_OneToThreeLocal_AcrossFallBack()
    {
        // 2026-10-25: 02:00 BST becomes 01:00 GMT. 01:00 local happens twice: the first (BST, 00:00Z) starts the window;
        // it ends at 03:00 GMT (03:00Z). Three real hours.
        var schedule = WindowSchedule.For(Window("night", Utc(10, 1, 0), Utc(10, 1, 2), "FREQ=DAILY", "Europe/London"));
        OccurrenceOn(schedule, Utc(10, 24, 1)).ShouldBe((Utc(10, 24, 0), Utc(10, 24, 2)));
        OccurrenceOn(schedule, Utc(10, 25, 2, 30)).ShouldBe((Utc(10, 25, 0), Utc(10, 25, 3)));
        OccurrenceOn(schedule, Utc(10, 26, 2)).ShouldBe((Utc(10, 26, 1), Utc(10, 26, 3)));
    }

    [Fact]
    public void NewYork_OneToThreeLocal_AcrossSpringForward()
    {
        // 2026-03-08: 02:00 EST becomes 03:00 EDT. 01:00 EST (06:00Z) to 03:00 EDT (07:00Z).
        var schedule = WindowSchedule.For(Window("night", Utc(3, 1, 6), Utc(3, 1, 8), "FREQ=DAILY", "America/New_York"));
        OccurrenceOn(schedule, Utc(3, 7, 7)).ShouldBe((Utc(3, 7, 6), Utc(3, 7, 8)));
        OccurrenceOn(schedule, Utc(3, 8, 6, 30)).ShouldBe((Utc(3, 8, 6), Utc(3, 8, 7)));
        schedule.OccurrenceAt(Utc(3, 8, 7, 30)).ShouldBeNull();
        OccurrenceOn(schedule, Utc(3, 9, 5)).ShouldBe((Utc(3, 9, 5), Utc(3, 9, 7)));
    }

    [Fact]
    public void NewYork_OneToThreeLocal_AcrossFallBack()
    {
        // 2026-11-01: 02:00 EDT becomes 01:00 EST. First 01:00 (EDT, 05:00Z) to 03:00 EST (08:00Z).
        var schedule = WindowSchedule.For(Window("night", Utc(10, 20, 5), Utc(10, 20, 7), "FREQ=DAILY", "America/New_York"));
        OccurrenceOn(schedule, Utc(10, 31, 6)).ShouldBe((Utc(10, 31, 5), Utc(10, 31, 7)));
        OccurrenceOn(schedule, Utc(11, 1, 7, 30)).ShouldBe((Utc(11, 1, 5), Utc(11, 1, 8)));
        OccurrenceOn(schedule, Utc(11, 2, 7)).ShouldBe((Utc(11, 2, 6), Utc(11, 2, 8)));
    }

    [Fact]
    public void NewYork_StartInsideGap_MovesForwardEndKeepsWallTime()
    {
        // 02:30–04:00 local; on 2026-03-08 02:30 does not exist: 03:30 EDT (07:30Z) to 04:00 EDT (08:00Z).
        var schedule = WindowSchedule.For(Window("w", Utc(3, 1, 7, 30), Utc(3, 1, 9), "FREQ=DAILY", "America/New_York"));
        OccurrenceOn(schedule, Utc(3, 8, 7, 45)).ShouldBe((Utc(3, 8, 7, 30), Utc(3, 8, 8)));
    }

    [Fact]
    public void London_WallEndBeforeMovedStart_KeepsLength()
    {
        // 01:30–02:15 local; on 2026-03-29 the start moves to 02:30 BST (01:30Z) but 02:15 BST is 01:15Z: the window keeps 45 min.
        var schedule = WindowSchedule.For(Window("w", Utc(3, 20, 1, 30), Utc(3, 20, 2, 15), "FREQ=DAILY", "Europe/London"));
        OccurrenceOn(schedule, Utc(3, 29, 2)).ShouldBe((Utc(3, 29, 1, 30), Utc(3, 29, 2, 15)));
    }

    [Fact]
    public void UnknownZone_Throws() =>
        Should.Throw<WindowScheduleException>(() => WindowSchedule.For(Window("w", Utc(3, 1, 1), Utc(3, 1, 2), "FREQ=DAILY", "Mars/Olympus")));
}
