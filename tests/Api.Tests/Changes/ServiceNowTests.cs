using AutoRespond.Api.Devices;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Changes;

public sealed class ServiceNowTests
{
    private static string Change(string state, string ci, string start = "2026-12-05 22:00:00", string end = "2026-12-06 04:00:00") =>
        $$"""{"sys_id":"c0ffee","number":"CHG0030001","state":"{{state}}","type":"normal","approval":"approved","start_date":"{{start}}","end_date":"{{end}}","cmdb_ci":"{{ci}}","short_description":"EHR upgrade","sys_updated_by":"admin"}""";

    [Fact]
    public async Task Change_ScheduledUpdatedClosed_CreatesUpdatesThenRemovesItsWindow()
    {
        await using var host = await ApiHost.StartAsync();
        host.Get<InProcessDeviceDirectory>().Publish(
            [new DeviceInfo("ehr", "10.30.0.5", null, "EHR-DB01", null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)],
            new Dictionary<string, DevicePattern>());
        using var client = host.Client("ticketing");

        var (status, body, text, _) = await client.SendAsync("POST", "api/v1/changes/servicenow", Change("-2", "EHR-DB01, unknown-box"));
        status.ShouldBe(201, text);
        body.GetProperty("result").GetString().ShouldBe("created");
        body.GetProperty("unmatched").EnumerateArray().Select(e => e.GetString()).ShouldBe(["unknown-box"]);
        var window = body.GetProperty("window");
        window.GetProperty("scope").GetProperty("devices").EnumerateArray().Select(e => e.GetString()).ShouldBe(["10.30.0.5/32"]);
        window.GetProperty("source").GetString().ShouldBe("servicenow");
        window.GetProperty("name").GetString().ShouldBe("CHG0030001: EHR upgrade");

        (status, body, text, _) = await client.SendAsync("POST", "api/v1/changes/servicenow", Change("-1", "10.30.0.5", end: "2026-12-06 06:00:00"));
        status.ShouldBe(200, text);
        body.GetProperty("result").GetString().ShouldBe("updated");
        var stored = (await host.Get<IWindowStore>().ListAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        stored.End.ShouldBe(DateTimeOffset.Parse("2026-12-06T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        stored.CreatedBy.ShouldBe("snow");

        (status, body, _, _) = await client.SendAsync("POST", "api/v1/changes/servicenow", Change("3", "10.30.0.5"));
        status.ShouldBe(200);
        body.GetProperty("result").GetString().ShouldBe("deleted");
        (await host.Get<IWindowStore>().ListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("-2", "nobody-knows-me", "2026-12-05 22:00:00", "cmdb_ci")]
    [InlineData("-2", "10.30.0.5", "next tuesday", "start_date")]
    [InlineData("-2", "10.30.0.5", "2026-12-06 05:00:00", "end_date")]
    [InlineData("42", "10.30.0.5", "2026-12-05 22:00:00", "state")]
    public async Task Change_Invalid_Returns400NamingTheFieldAndMakesNoWindow(string state, string ci, string start, string field)
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("ticketing");
        var (status, problem, text, _) = await client.SendAsync("POST", "api/v1/changes/servicenow", Change(state, ci, start));
        status.ShouldBe(400, text);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        (await host.Get<IWindowStore>().ListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Change_NotYetScheduled_IsIgnored()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("ticketing");
        var (status, body, _, _) = await client.SendAsync("POST", "api/v1/changes/servicenow", Change("-4", "10.30.0.5"));
        status.ShouldBe(202);
        body.GetProperty("result").GetString().ShouldBe("ignored");
        (await host.Get<IWindowStore>().ListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}
