using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

public class WindowErrorTests
{
    private const string Header = "windows:\n  - name: w\n    start: 2030-01-01T00:00:00Z\n    end: 2030-01-01T01:00:00Z\n";

    [Theory]
    [InlineData("2026-12-05T22:00:00")]
    [InlineData("2026-12-05")]
    [InlineData("2026-12-05 22:00:00Z")]
    [InlineData("yesterday")]
    public void LoadText_TimeWithoutOffset_ExpectsOffsetOrZ(string time)
    {
        SingleError($"windows:\n  - {{ name: w, start: {time}, end: 2030-01-01T00:00:00Z }}\n",
            2, 23, "windows[0].start: expected an ISO-8601 time with an offset or Z");
    }

    [Fact]
    public void LoadText_ImpossibleDate_IsRejected()
    {
        SingleError("windows:\n  - { name: w, start: 2026-02-30T00:00:00Z, end: 2030-01-01T00:00:00Z }\n",
            2, 23, "'2026-02-30T00:00:00Z' is not a valid date and time");
    }

    [Fact]
    public void LoadText_EndBeforeStart_IsRejected()
    {
        SingleError("windows:\n  - { name: w, start: 2030-01-02T00:00:00Z, end: 2030-01-01T00:00:00Z }\n",
            2, 50, "windows[0].end: end must be after start (2030-01-02T00:00:00+00:00)");
    }

    [Fact]
    public void LoadText_CapWithoutCapScore_ReportsMissingKey()
    {
        SingleError(Header + "    effect: cap\n", 2, 5, "missing required key 'cap_score' in 'windows[0]'");
    }

    [Fact]
    public void LoadText_CapScoreWithoutCap_IsRejected()
    {
        SingleError(Header + "    effect: confirm\n    cap_score: 0.5\n", 6, 16, "'cap_score' is only used with effect: cap");
    }

    [Theory]
    [InlineData("FREQ=SOMETIMES", "rrule FREQ: 'SOMETIMES' is not one of SECONDLY")]
    [InlineData("BYDAY=MO", "has no FREQ")]
    [InlineData("FREQ=DAILY;FOO=1", "unknown rrule part 'FOO'")]
    [InlineData("FREQ=DAILY;COUNT=3;UNTIL=20300101", "must not have both COUNT and UNTIL")]
    [InlineData("RRULE:FREQ=DAILY", "without the 'RRULE:' prefix")]
    [InlineData("FREQ=DAILY;BYHOUR=24", "'24' is not a number from 0 to 23")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "'FREQ' is given twice")]
    [InlineData("FREQ=WEEKLY;BYDAY=SUN", "'SUN' is not a weekday")]
    [InlineData("freq=daily", "upper case")]
    [InlineData("FREQ", "is not NAME=VALUE")]
    public void LoadText_BadRrule_ExplainsTheProblem(string rrule, string phrase)
    {
        SingleError(Header + $"    rrule: {rrule}\n", 5, 12, phrase);
    }

    [Fact]
    public void LoadText_UnknownTimeZone_IsRejected()
    {
        SingleError(Header + "    tz: Mars/Olympus\n", 5, 9, "windows[0].tz: expected an IANA time zone id such as Europe/London, got 'Mars/Olympus'");
    }

    [Fact]
    public void LoadText_UnknownActionInWindowScope_IsRejected()
    {
        SingleError(Header + "    scope: { actions: [block] }\n", 5, 24, "expected an action kind");
    }

    [Fact]
    public void LoadText_DuplicateWindowName_IsRejected()
    {
        SingleError(Header + "  - { name: w, start: 2030-02-01T00:00:00Z, end: 2030-02-02T00:00:00Z }\n",
            5, 13, "duplicate window name 'w'");
    }

    [Fact]
    public void LoadText_WindowsIsMapping_ExpectsList()
    {
        SingleError("windows: { name: w }\n", 1, 10, "windows: expected a list of change windows, got a mapping");
    }
}
