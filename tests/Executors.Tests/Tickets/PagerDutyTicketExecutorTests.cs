using System.Net;
using System.Text.Json.Nodes;
using AutoRespond.Contracts;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Simulators.Common;
using static AutoRespond.Executors.Tests.Tickets.TicketHarness;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class PagerDutyTicketExecutorTests
{
    private const string Name = "pagerduty";

    [Fact]
    public async Task Apply_NewIncident_TriggersWithDedupKeyAndRoutingKeyInTheBodyOnly()
    {
        await using var h = await StartAsync();
        h.Actions.Lines.Add(new TicketActionLine("act-fw", ActionKinds.FirewallBlock, "executed", "10.10.0.66", null));

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldBe("triggered alert dedup_key inc-t1: Event processed");
        var call = h.Requests(Name).ShouldHaveSingleItem();
        call.Method.ShouldBe("POST");
        call.Path.ShouldBe("/v2/enqueue");
        call.Status.ShouldBe(202);
        call.Header("Authorization").ShouldBeNull();
        call.Header("Content-Type")!.ShouldStartWith("application/json");
        var body = JsonNode.Parse(call.Body)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["routing_key", "event_action", "dedup_key", "payload", "client"]);
        body["routing_key"]!.GetValue<string>().ShouldBe(h.Host.Credentials.PagerDutyRoutingKey);
        body["event_action"]!.GetValue<string>().ShouldBe("trigger");
        body["dedup_key"]!.GetValue<string>().ShouldBe("inc-t1");
        var payload = body["payload"]!;
        payload["summary"]!.GetValue<string>().ShouldBe("AutoRespond: ics-sabotage on ws-66 (10.10.0.66), score 0.85");
        payload["source"]!.GetValue<string>().ShouldBe("ws-66");
        payload["severity"]!.GetValue<string>().ShouldBe("error");
        payload["timestamp"]!.GetValue<string>().ShouldBe("2026-06-01T10:01:00.000Z");
        payload["component"]!.GetValue<string>().ShouldBe("10.10.0.66");
        payload["group"]!.GetValue<string>().ShouldBe("Computing");
        payload["class"]!.GetValue<string>().ShouldBe("ics-sabotage");
        var details = payload["custom_details"]!;
        details["narrative"]!.GetValue<string>().ShouldContain("TLS without SNI to 203.0.113.50");
        details["breaches"]![0]!["evidence"]!["server"]!.GetValue<string>().ShouldBe("203.0.113.50");
        details["actions"]![0]!["id"]!.GetValue<string>().ShouldBe("act-fw");
    }

    [Fact]
    public async Task Lifecycle_TriggerTwoUpdatesAndResolve_OneAlertResolved()
    {
        await using var h = await StartAsync();
        var executor = h.Executor(Name);
        var ct = TestContext.Current.CancellationToken;

        await executor.ApplyAsync(Action(Incident(1)), ct);
        var grown = await executor.ApplyAsync(Action(Incident(2)), ct);
        var grownAgain = await executor.ApplyAsync(Action(Incident(3)), ct);
        var resolved = await executor.RevertAsync(Resolve(), ct);
        var redelivered = await executor.ApplyAsync(Action(Incident(3)), ct);

        grown.Detail.ShouldStartWith("re-triggered (updated)");
        grownAgain.Applied.ShouldBeTrue();
        resolved.Detail.ShouldBe("resolved alert dedup_key inc-t1: Event processed");
        redelivered.Detail.ShouldStartWith("already in place");
        var bodies = h.Requests(Name).Select(r => JsonNode.Parse(r.Body)!).ToArray();
        bodies.Select(b => b["event_action"]!.GetValue<string>()).ShouldBe(["trigger", "trigger", "trigger", "resolve"]);
        bodies.ShouldAllBe(b => b["dedup_key"]!.GetValue<string>() == "inc-t1");
        bodies[3].ToJsonString().ShouldBe($$"""{"routing_key":"{{h.Host.Credentials.PagerDutyRoutingKey}}","event_action":"resolve","dedup_key":"inc-t1"}""");
        var state = await h.StateAsync("_sim/pagerduty/alerts");
        var alert = state["alerts"]!.AsArray().ShouldHaveSingleItem()!;
        alert["status"]!.GetValue<string>().ShouldBe("resolved");
        alert["triggers"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Apply_Redelivered_AlreadyInPlaceWithOneEvent()
    {
        await using var h = await StartAsync();
        var executor = h.Executor(Name);

        await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);
        var second = await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        second.Detail.ShouldBe("already in place: alert inc-t1 is up to date");
        h.Requests(Name).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Apply_TransientFailures_RetriedWithTheSameDedupKey(int status)
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject(Name, new InjectedFault(status), times: 2);

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var calls = h.Requests(Name);
        calls.Select(c => c.Status).ShouldBe([status, status, 202]);
        calls.Select(c => JsonNode.Parse(c.Body)!["dedup_key"]!.GetValue<string>()).Distinct().ShouldBe(["inc-t1"]);
    }

    [Fact]
    public async Task Apply_SustainedOutage_CircuitOpensAndTheTicketFailsFast()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject(Name, new InjectedFault(503), times: 1000);
        var executor = h.Executor(Name);
        bool opened = false;
        for (int i = 0; i < 6 && !opened; i++)
            opened = (await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken)).Detail.Contains("circuit open", StringComparison.Ordinal);
        int hitsBefore = h.Requests(Name).Count;

        var outcome = await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        opened.ShouldBeTrue();
        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("pagerduty ticket failed: circuit open after repeated failures of pagerduty; the call was not sent");
        h.Requests(Name).Count.ShouldBe(hitsBefore);
    }

    [Fact]
    public async Task Apply_InvalidEvent400_NotRetriedAndNamesPagerDutysErrors()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject(Name, new InjectedFault(400), times: 5);

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("HTTP 400");
        outcome.Detail.ShouldContain("invalid event: Event object is invalid");
        h.Requests(Name).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Apply_UnknownRoutingKeyOfTheRightLength_InvalidEventWithoutTheKey()
    {
        var secrets = new Dictionary<string, string>(new SimulatorCredentials().AsEnvironment()) { ["PD_KEY"] = new string('x', 32) };
        await using var h = await StartAsync(secrets);

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("Invalid routing key");
        outcome.Detail.ShouldNotContain(new string('x', 32));
    }

    [Fact]
    public async Task Register_RoutingKeyOfWrongLength_StartupProblemWithoutTheKey()
    {
        var secrets = new Dictionary<string, string>(new SimulatorCredentials().AsEnvironment()) { ["PD_KEY"] = "short-key-123" };

        var error = await Should.ThrowAsync<ExecutorConfigurationException>(async () => await StartAsync(secrets));

        error.Message.ShouldContain("pagerduty: the routing key in PD_KEY is 13 characters long");
        error.Message.ShouldNotContain("short-key-123");
    }

    [Fact]
    public async Task Simulator_DedupSemantics_ResolvedKeyOpensANewAlertAndStrayResolvesAreDropped()
    {
        await using var h = await StartAsync();
        string key = h.Host.Credentials.PagerDutyRoutingKey;
        object Trigger(string summary) => new { routing_key = key, event_action = "trigger", dedup_key = "k-1", payload = new { summary, source = "s", severity = "info" } };

        foreach (var body in new[] { Trigger("one"), Trigger("again"), new { routing_key = key, event_action = "resolve", dedup_key = "k-1" }, Trigger("new"),
                     new { routing_key = key, event_action = "resolve", dedup_key = "k-unknown" } })
        {
            using var response = await h.PostAsync("v2/enqueue", body);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        using var wrongLength = await h.PostAsync("v2/enqueue", new { routing_key = "abc", event_action = "trigger", dedup_key = "k-2" });

        var state = await h.StateAsync("_sim/pagerduty/alerts");
        state["alerts"]!.AsArray().Select(a => $"{a!["dedup_key"]} {a["status"]} {a["triggers"]}").ShouldBe(["k-1 resolved 2", "k-1 triggered 1"]);
        state["dropped"]!.GetValue<int>().ShouldBe(1);
        wrongLength.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongLength.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldContain("Length of 'routing_key' is incorrect (should be 32 characters)");
    }
}
