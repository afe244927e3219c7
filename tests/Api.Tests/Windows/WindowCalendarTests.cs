namespace AutoRespond.Api.Tests.Windows;

public sealed class WindowCalendarTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task ImportIcs_RecurringEventInAZone_IsStoredAndExportedAgain()
    {
        using var client = fixture.Host.Client("scheduler");
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:patch-sunday@example\r\n"
            + "SUMMARY:Patch Sunday\\, plant\r\nDTSTART;TZID=Europe/Berlin:20261206T020000\r\nDURATION:PT3H\r\nRRULE:FREQ=WEEKLY;BYDAY=SU\r\n"
            + "X-AUTORESPOND-ZONES:Industrial\r\nX-AUTORESPOND-EFFECT:confirm\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var (status, body, text, _) = await client.SendAsync("POST", "api/v1/windows.ics", ics, "text/calendar");
        status.ShouldBe(200, text);
        var window = body.GetProperty("windows").EnumerateArray().ShouldHaveSingleItem();
        window.GetProperty("name").GetString().ShouldBe("Patch Sunday, plant");
        window.GetProperty("tz").GetString().ShouldBe("Europe/Berlin");
        window.GetProperty("rrule").GetString().ShouldBe("FREQ=WEEKLY;BYDAY=SU");
        window.GetProperty("start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2026-12-06T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        window.GetProperty("effect").GetString().ShouldBe("confirm");

        // Importing the same UID again updates, not duplicates.
        var again = (await client.SendAsync("POST", "api/v1/windows.ics", ics.Replace("PT3H", "PT4H", StringComparison.Ordinal), "text/calendar")).Body;
        again.GetProperty("created").GetInt32().ShouldBe(0);
        again.GetProperty("updated").GetInt32().ShouldBe(1);

        string exported = (await client.SendAsync("GET", "api/v1/windows.ics")).Text;
        exported.ShouldContain("DTSTART;TZID=Europe/Berlin:20261206T020000");
        exported.ShouldContain("DTEND;TZID=Europe/Berlin:20261206T060000");
        exported.ShouldContain("RRULE:FREQ=WEEKLY;BYDAY=SU");
        exported.ShouldContain("X-AUTORESPOND-ZONES:Industrial");
    }

    [Theory]
    [InlineData("not a calendar", "body")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "body")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:20261205T220000Z\r\nDTEND:20261205T210000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "events[0].end")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:20261205T220000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=NEVER\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "events[0].rrule")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART;TZID=Nowhere/Land:20261205T220000\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "events[0].dtstart")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261205T220000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "events[0].summary")]
    public async Task ImportIcs_BadCalendar_Returns400NamingTheFieldAndStoresNothing(string ics, string field)
    {
        using var client = fixture.Host.Client("scheduler");
        int before = (await client.SendAsync("GET", "api/v1/windows")).Body.GetArrayLength();
        var (status, problem, text, _) = await client.SendAsync("POST", "api/v1/windows.ics", ics, "text/calendar");
        status.ShouldBe(400, text);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        (await client.SendAsync("GET", "api/v1/windows")).Body.GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task PreviewWindow_OverPastActions_ListsOnlyThoseItWouldChange()
    {
        var host = fixture.Host;
        string incident = await Seed.IncidentAsync(host, "10.10.0.77");
        string held = await Seed.ActionAsync(host, "awaiting-confirmation", incidentId: incident);
        string ticket = await Seed.ActionAsync(host, "dry-run", "ticket", incident);
        var now = host.Get<TimeProvider>().GetUtcNow();
        string window = $$"""{"name":"p","start":"{{now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}","end":"{{now.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}}","scope":{"devices":["10.10.0.66"]},"effect":"confirm"}""";
        using var client = host.Client("scheduler");
        var (status, body, text, _) = await client.SendAsync("POST", "api/v1/windows/preview?days=1", window);
        status.ShouldBe(200, text);
        var changed = body.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("action").GetProperty("id").GetString()).ToList();
        changed.ShouldNotContain(held);   // already held
        changed.ShouldNotContain(ticket); // a confirm window lets tickets through
        var suppress = (await client.SendAsync("POST", "api/v1/windows/preview?days=1", window.Replace("confirm", "suppress", StringComparison.Ordinal))).Body;
        var suppressed = suppress.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("action").GetProperty("id").GetString()).ToList();
        suppressed.ShouldContain(held);
        suppressed.ShouldContain(ticket);
    }
}
