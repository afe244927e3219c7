using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tickets.Content;
using static AutoRespond.Executors.Tests.Tickets.TicketHarness;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class ServiceNowTicketExecutorTests
{
    private const string Name = "servicenow";

    [Fact]
    public async Task Apply_NewIncident_LooksUpByCorrelationIdThenCreatesWithBasicAuth()
    {
        await using var h = await StartAsync();
        h.Actions.Lines.Add(new TicketActionLine("act-fw", ActionKinds.FirewallBlock, "executed", "10.10.0.66", T0.AddHours(1)));

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldStartWith("created INC0010001");
        var calls = h.Requests(Name);
        calls.Select(c => $"{c.Method} {c.Path}{Uri.UnescapeDataString(c.Query)}").ShouldBe(
        [
            "GET /api/now/table/incident?sysparm_query=correlation_id=inc-t1&sysparm_fields=sys_id,number,state,description&sysparm_limit=1&sysparm_exclude_reference_link=true",
            "POST /api/now/table/incident",
        ]);
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{h.Host.Credentials.ServiceNowUser}:{h.Host.Credentials.ServiceNowPassword}"));
        calls.ShouldAllBe(c => c.Header("Authorization") == basic && c.Header("Accept") == "application/json");
        var create = calls[1];
        create.Status.ShouldBe(201);
        create.Header("Content-Type")!.ShouldStartWith("application/json");
        var body = JsonNode.Parse(create.Body)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["short_description", "description", "urgency", "impact", "category", "correlation_id", "correlation_display"]);
        body.ShouldAllBe(p => p.Value!.GetValueKind() == System.Text.Json.JsonValueKind.String);
        body["short_description"]!.GetValue<string>().ShouldBe("AutoRespond: ics-sabotage on ws-66 (10.10.0.66), score 0.85");
        body["urgency"]!.GetValue<string>().ShouldBe("2");
        body["category"]!.GetValue<string>().ShouldBe("security");
        body["correlation_id"]!.GetValue<string>().ShouldBe("inc-t1");
        string description = body["description"]!.GetValue<string>();
        description.ShouldContain("workstation ws-66 beaconing and probing PLCs");
        description.ShouldContain("ssl-no-sni-new-external (score 0.91): TLS without SNI to 203.0.113.50");
        description.ShouldContain("server=203.0.113.50; server_port=443");
        description.ShouldContain("act-fw firewall-block: executed against 10.10.0.66");
        TicketContent.FingerprintIn(description).ShouldNotBeNull();
    }

    [Fact]
    public async Task Lifecycle_CreateTwoUpdatesAndResolve_OneIncidentAtServiceNow()
    {
        await using var h = await StartAsync();
        var executor = h.Executor(Name);
        var ct = TestContext.Current.CancellationToken;

        var created = await executor.ApplyAsync(Action(Incident(1)), ct);
        var grown = await executor.ApplyAsync(Action(Incident(2)), ct);
        h.Actions.Lines.Add(new TicketActionLine("act-fw", ActionKinds.FirewallBlock, "executed", "10.10.0.66", null));
        var actionsChanged = await executor.ApplyAsync(Action(Incident(2)), ct);
        var resolved = await executor.RevertAsync(Resolve(), ct);
        var redelivered = await executor.ApplyAsync(Action(Incident(2)), ct);

        new[] { created, grown, actionsChanged, resolved, redelivered }.ShouldAllBe(o => o.Applied);
        grown.Detail.ShouldStartWith("updated INC0010001");
        actionsChanged.Detail.ShouldStartWith("updated INC0010001");
        resolved.Detail.ShouldBe("resolved INC0010001 for inc-t1");
        redelivered.Detail.ShouldStartWith("already in place");
        var calls = h.Requests(Name);
        calls.Count(c => c.Method == "POST").ShouldBe(1);
        var patches = calls.Where(c => c.Method == "PATCH").ToArray();
        patches.Length.ShouldBe(3);
        patches.ShouldAllBe(p => p.Path.StartsWith("/api/now/table/incident/", StringComparison.Ordinal));
        JsonNode.Parse(patches[0].Body)!["description"]!.GetValue<string>().ShouldContain("new S7 SZL reads #2");
        JsonNode.Parse(patches[2].Body)!.ToJsonString().ShouldBe(
            """{"state":"6","close_code":"Solved (Permanently)","close_notes":"AutoRespond: incident closed (act-t1)"}""");
        var incidents = (await h.StateAsync("_sim/servicenow/incidents")).AsArray();
        var only = incidents.ShouldHaveSingleItem()!;
        only["state"]!.GetValue<string>().ShouldBe("6");
        only["correlation_id"]!.GetValue<string>().ShouldBe("inc-t1");
        only["work_notes_journal"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_Redelivered_AlreadyInPlaceAndOneIncident()
    {
        await using var h = await StartAsync();
        var executor = h.Executor(Name);

        await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);
        var second = await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        second.Applied.ShouldBeTrue();
        second.Detail.ShouldBe("already in place: INC0010001 for inc-t1 is up to date");
        h.Requests(Name).Count(c => c.Method is "POST" or "PATCH").ShouldBe(1);
    }

    [Fact]
    public async Task Apply_WrongPassword_NotAppliedWithServiceNowsErrorAndNoPassword()
    {
        var secrets = new Dictionary<string, string>(new Simulators.Common.SimulatorCredentials().AsEnvironment()) { ["SN_PASS"] = "wrong-sn-password" };
        await using var h = await StartAsync(secrets);

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("HTTP 401");
        outcome.Detail.ShouldContain("User Not Authenticated: Required to provide Auth information");
        outcome.Detail.ShouldNotContain("wrong-sn-password");
    }

    [Fact]
    public async Task IsInPlace_OpenThenResolved_FollowsTheIncidentState()
    {
        await using var h = await StartAsync();
        var executor = (IVerifiableActionExecutor)h.Executor(Name);

        await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);
        bool open = await executor.IsInPlaceAsync("act-t1", "10.10.0.66", TestContext.Current.CancellationToken);
        await h.Executor(Name).RevertAsync(Resolve(), TestContext.Current.CancellationToken);
        bool afterResolve = await executor.IsInPlaceAsync("act-t1", "10.10.0.66", TestContext.Current.CancellationToken);

        open.ShouldBeTrue();
        afterResolve.ShouldBeFalse();
    }

    [Fact]
    public async Task Apply_IncidentIdWithQueryOperators_RefusedAndNothingSent()
    {
        await using var h = await StartAsync();

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident(id: "inc-1^ORactive=true")), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("cannot key a ticket");
        h.Requests(Name).ShouldBeEmpty();
    }
}
