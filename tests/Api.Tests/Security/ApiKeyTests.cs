using AutoRespond.Api.Security;
using AutoRespond.Configuration;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests.Security;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task Request_WrongKeyRepeated_IsLimitedWith429AndRetryAfter()
    {
        await using var host = await ApiHost.StartAsync();
        using var wrong = new HttpClient { BaseAddress = host.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");
        for (int i = 0; i < AuthFailureLimiter.MaxFailures; i++)
            (await wrong.SendAsync("GET", "api/v1/incidents")).Status.ShouldBe(401);

        var (status, _, text, response) = await wrong.SendAsync("GET", "api/v1/incidents");
        status.ShouldBe(429, text);
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        // Even the right key is refused from a limited address until the window has passed.
        using var admin = host.Client("admin");
        (await admin.SendAsync("GET", "api/v1/incidents")).Status.ShouldBe(429);
    }

    [Fact]
    public async Task Request_WithoutKeyRepeated_IsNeverLimited()
    {
        await using var host = await ApiHost.StartAsync();
        using var anonymous = host.Client("none");
        for (int i = 0; i < AuthFailureLimiter.MaxFailures + 5; i++)
            (await anonymous.SendAsync("GET", "api/v1/incidents")).Status.ShouldBe(401);
        using var admin = host.Client("admin");
        (await admin.SendAsync("GET", "api/v1/incidents")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Request_KeyInXApiKeyHeader_IsAccepted()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.ViewerKey);
        (await client.SendAsync("GET", "api/v1/windows")).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Write_ByScheduler_IsAuditedWithTheKeyName()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("scheduler");
        var (status, body, _, _) = await client.SendAsync("POST", "api/v1/windows",
            """{"name":"audited","start":"2026-12-05T22:00:00Z","end":"2026-12-06T04:00:00Z"}""");
        status.ShouldBe(201);
        string id = body.GetProperty("id").GetString()!;
        var entries = await host.Get<IAuditLog>().ListAsync(new AuditQuery(SubjectId: id), TestContext.Current.CancellationToken);
        entries.ShouldHaveSingleItem().Entry.Actor.ShouldBe("it");
        entries[0].Entry.Verb.ShouldBe("created");
        body.GetProperty("created_by").GetString().ShouldBe("it");
    }

    [Fact]
    public void Find_MatchingAndWrongKeys_ReturnsOnlyTheMatchingEntry()
    {
        var ring = new ApiKeyRing(
            [new ApiKeyConfig("a", "A", ApiRole.Admin), new ApiKeyConfig("b", "B", ApiRole.Viewer), new ApiKeyConfig("c", "UNSET", ApiRole.Viewer)],
            name => name switch { "A" => "alpha-key", "B" => "beta-key", _ => null });
        ring.Find("beta-key")!.Name.ShouldBe("b");
        ring.Find("alpha-key")!.Role.ShouldBe(ApiRole.Admin);
        ring.Find("alpha-ke").ShouldBeNull();
        ring.Find("").ShouldBeNull();
        ring.MissingVariables.ShouldBe(["UNSET"]);
        ring.Count.ShouldBe(2);
    }
}
