using AutoRespond.Contracts;
using AutoRespond.Storage;

namespace AutoRespond.Api.Tests;

public sealed class ActionsAndIncidentsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task GetIncident_Stored_HasBreachesNarrativeEvidenceAndActions()
    {
        var host = fixture.Host;
        string id = await Seed.IncidentAsync(host);
        string action = await Seed.ActionAsync(host, ActionStates.AwaitingConfirmation, incidentId: id);
        using var client = host.Client("viewer");
        var (status, body, text, _) = await client.SendAsync("GET", "api/v1/incidents/" + id);
        status.ShouldBe(200, text);
        body.GetProperty("breaches").GetArrayLength().ShouldBe(2);
        body.GetProperty("breaches")[0].GetProperty("evidence").GetProperty("cookie").GetString().ShouldBe("Administrator");
        body.GetProperty("narrative").GetArrayLength().ShouldBe(4); // first seen, two breaches, one action
        body.GetProperty("actions").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString().ShouldBe(action);
        body.GetProperty("incident").GetProperty("state").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task ListIncidents_Filters_SelectByDeviceStateAndScore()
    {
        var host = fixture.Host;
        string low = await Seed.IncidentAsync(host, "10.10.0.91", 0.5);
        string high = await Seed.IncidentAsync(host, "10.10.0.92", 0.95);
        using var admin = host.Client("admin");
        (await admin.SendAsync("POST", $"api/v1/incidents/{high}/acknowledge", """{"note":"on it"}""")).Status.ShouldBe(200);
        using var client = host.Client("viewer");
        Ids((await client.SendAsync("GET", "api/v1/incidents?device=10.10.0.91")).Body).ShouldBe([low]);
        Ids((await client.SendAsync("GET", "api/v1/incidents?device=10.10.0.92&state=acknowledged")).Body).ShouldBe([high]);
        Ids((await client.SendAsync("GET", "api/v1/incidents?device=10.10.0.91&min_score=0.9")).Body).ShouldBeEmpty();
        Ids((await client.SendAsync("GET", "api/v1/incidents?to=2026-11-01T00:00:00Z")).Body).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApproveAction_Held_IsCarriedOutRecordedInHistoryAndAudited()
    {
        var host = fixture.Host;
        string id = await Seed.ActionAsync(host, ActionStates.AwaitingConfirmation);
        using var client = host.Client("admin");
        var (status, body, text, _) = await client.SendAsync("POST", $"api/v1/actions/{id}/approve", """{"reason":"confirmed with the plant"}""");
        status.ShouldBe(200, text);
        body.GetProperty("state").GetString().ShouldBe(ActionStates.Failed); // no integration for firewall-block in this host
        var detail = (await client.SendAsync("GET", "api/v1/actions/" + id)).Body;
        var history = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("actor").GetString()).ToList();
        history.ShouldContain("mdr");
        (await host.Get<IAuditLog>().ListAsync(new AuditQuery(SubjectId: id), TestContext.Current.CancellationToken))
            .ShouldHaveSingleItem().Entry.Actor.ShouldBe("mdr");
        // A second answer finds it no longer held.
        (await client.SendAsync("POST", $"api/v1/actions/{id}/deny", "{}")).Status.ShouldBe(409);
        (await client.SendAsync("POST", "api/v1/actions/act-missing/approve", "{}")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task WhatIf_StricterPolicy_ListsTheActionsThatWouldDiffer()
    {
        var host = fixture.Host;
        await Seed.IncidentAsync(host, "10.10.0.93", 0.9);
        using var client = host.Client("admin");
        var (status, body, text, _) = await client.SendAsync("POST", "api/v1/policies/current/whatif",
            """{"policy":{"mode":"autonomous","ladder":[{"min_score":0.6,"actions":["ticket"]}]}}""");
        status.ShouldBe(200, text);
        body.GetProperty("incidents").GetInt32().ShouldBeGreaterThan(0);
        var differences = body.GetProperty("differences").EnumerateArray().ToList();
        differences.ShouldContain(d => d.GetProperty("target").GetString() == "10.10.0.93" && d.GetProperty("kind").GetString() == "firewall-block"
            && d.GetProperty("state_b").ValueKind == System.Text.Json.JsonValueKind.Null);
        differences.ShouldContain(d => d.GetProperty("target").GetString() == "10.10.0.93" && d.GetProperty("kind").GetString() == "ticket"
            && d.GetProperty("state_a").GetString() == "awaiting-confirmation" && d.GetProperty("state_b").GetString() == "executed");
    }

    private static List<string?> Ids(System.Text.Json.JsonElement list) => [.. list.EnumerateArray().Select(i => i.GetProperty("id").GetString())];
}
