using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Problems;

/// <summary>Bad input, oversized bodies included: a 400 with problem details naming the field, and nothing stored.</summary>
public sealed class InputValidationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Valid = """{"name":"ok","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z"}""";

    public static TheoryData<string, string, string> BadWindows => new()
    {
        { "malformed JSON", """{"name":"x","start":""", "body" },
        { "not an object", "[1,2]", "body" },
        { "empty body", "", "body" },
        { "wrong type for name", """{"name":42,"start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z"}""", "name" },
        { "wrong type for cap_score", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","effect":"cap","cap_score":"high"}""", "cap_score" },
        { "wrong type in scope", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","scope":{"devices":"10.0.0.1"}}""", "scope.devices" },
        { "unknown field", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","colour":"red"}""", "colour" },
        { "end before start", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-05T21:00:00Z"}""", "end" },
        { "time without offset", """{"name":"x","start":"2026-12-05T22:00:00","end":"2026-12-06T04:00:00Z"}""", "start" },
        { "RRULE garbage", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","rrule":"EVERY SUNDAY PLEASE"}""", "rrule" },
        { "RRULE bad frequency", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","rrule":"FREQ=SOMETIMES"}""", "rrule" },
        { "unknown time zone", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","rrule":"FREQ=DAILY","tz":"Mars/Olympus"}""", "tz" },
        { "bad CIDR", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","scope":{"devices":["10.0.0.300/24"]}}""", "scope.devices" },
        { "unknown action kind", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","scope":{"actions":["nuke"]}}""", "scope.actions" },
        { "unknown effect", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","effect":"ignore"}""", "effect" },
        { "cap without score", """{"name":"x","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z","effect":"cap"}""", "cap_score" },
        { "missing name", """{"start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadWindows))]
    public async Task CreateWindow_BadInput_Returns400NamingTheFieldAndStoresNothing(string why, string body, string field)
    {
        var host = fixture.Host;
        var before = await CountsAsync(host);
        using var client = host.Client("scheduler");
        var (status, problem, text, response) = await client.SendAsync("POST", "api/v1/windows", body);
        status.ShouldBe(400, why + ": " + text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{why}: errors should name '{field}': {text}");
        (await CountsAsync(host)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateWindow_OversizedBody_Returns400NamingTheBodyAndStoresNothing()
    {
        var host = fixture.Host;
        var before = await CountsAsync(host);
        using var client = host.Client("scheduler");
        string big = Valid.Replace("\"ok\"", "\"" + new string('a', 1024 * 1024 + 10) + "\"", StringComparison.Ordinal);
        var (status, problem, text, response) = await client.SendAsync("POST", "api/v1/windows", big);
        status.ShouldBe(400, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue(text);
        (await CountsAsync(host)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateWindow_ValidAfterInvalid_StoresOnlyTheValidOne()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("scheduler");
        (await client.SendAsync("POST", "api/v1/windows", Valid.Replace("2026-12-06T04", "2026-12-04T04", StringComparison.Ordinal))).Status.ShouldBe(400);
        (await client.SendAsync("POST", "api/v1/windows", Valid)).Status.ShouldBe(201);
        (await host.Get<IWindowStore>().ListAsync(TestContext.Current.CancellationToken)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"policy":{"mode":"sometimes"}}""", "policy.mode")]
    [InlineData("""{"policy":{"ladder":[{"min_score":1.5,"actions":["ticket"]}]}}""", "policy.ladder[0].min_score")]
    [InlineData("""{"policy":{"ladder":[{"min_score":0.5,"actions":["ticket"],"duration":"1h"}]}}""", "policy.ladder[0].duration")]
    [InlineData("""{"policy":"dry-run"}""", "policy")]
    [InlineData("""{"note":"no policy"}""", "policy")]
    [InlineData("""{"policy":{"mode":"confirm"},"note":7}""", "note")]
    public async Task PutPolicy_BadInput_Returns400NamingTheFieldAndStoresNoVersion(string body, string field)
    {
        var host = fixture.Host;
        using var client = host.Client("admin");
        var (status, problem, text, _) = await client.SendAsync("PUT", "api/v1/policies/current", body);
        status.ShouldBe(400, text);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        (await host.Get<IPolicyStore>().GetCurrentAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"by":"forever"}""", "by")]
    [InlineData("""{"by":"0h"}""", "by")]
    [InlineData("""{"reason":"no by"}""", "by")]
    [InlineData("""{"by":60}""", "by")]
    public async Task ExtendAction_BadDuration_Returns400AndChangesNothing(string body, string field)
    {
        var host = fixture.Host;
        string id = await Seed.ActionAsync(host, "awaiting-confirmation");
        using var client = host.Client("admin");
        var (status, problem, text, _) = await client.SendAsync("POST", $"api/v1/actions/{id}/extend", body);
        status.ShouldBe(400, text);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
        (await host.Get<IActionLedger>().GetAsync(id, TestContext.Current.CancellationToken))!.History.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListIncidents_BadQuery_Returns400NamingEachParameter()
    {
        var host = fixture.Host;
        using var client = host.Client("viewer");
        var (status, problem, text, _) = await client.SendAsync("GET", "api/v1/incidents?from=yesterday&min_score=2&state=lost");
        status.ShouldBe(400, text);
        var errors = problem.GetProperty("errors");
        foreach (var name in new[] { "from", "min_score", "state" }) errors.TryGetProperty(name, out _).ShouldBeTrue(text);
    }

    private static async Task<(int Windows, int Audit)> CountsAsync(ApiHost host) =>
        ((await host.Get<IWindowStore>().ListAsync(TestContext.Current.CancellationToken)).Count,
         (await host.Get<IAuditLog>().ListAsync(new AuditQuery(Max: 10_000), TestContext.Current.CancellationToken)).Count);
}
