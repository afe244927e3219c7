using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Simulators.Common;
using static AutoRespond.Executors.Tests.Tickets.TicketHarness;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class JiraTicketExecutorTests
{
    private const string Name = "jira";

    [Fact]
    public async Task Apply_NewIncident_SearchesByLabelThenCreatesWithAdfDescription()
    {
        await using var h = await StartAsync();

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldBe("created SEC-1 for inc-t1");
        var calls = h.Requests(Name);
        calls.Select(c => $"{c.Method} {c.Path}").ShouldBe(["POST /rest/api/3/search/jql", "POST /rest/api/3/issue"]);
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{h.Host.Credentials.JiraEmail}:{h.Host.Credentials.JiraToken}"));
        calls.ShouldAllBe(c => c.Header("Authorization") == basic);
        calls[0].Body.ShouldBe("""{"jql":"project = \u0022SEC\u0022 AND labels = \u0022autorespond-inc-t1\u0022","fields":["summary","status","description"],"maxResults":1}""");
        calls[1].Status.ShouldBe(201);
        var fields = JsonNode.Parse(calls[1].Body)!["fields"]!.AsObject();
        fields.Select(f => f.Key).ShouldBe(["project", "issuetype", "summary", "description", "labels", "priority"]);
        fields["project"]!["key"]!.GetValue<string>().ShouldBe("SEC");
        fields["issuetype"]!["name"]!.GetValue<string>().ShouldBe("Task");
        fields["labels"]!.ToJsonString().ShouldBe("""["autorespond","autorespond-inc-t1"]""");
        fields["priority"]!["name"]!.GetValue<string>().ShouldBe("High");
        var description = fields["description"]!;
        description["type"]!.GetValue<string>().ShouldBe("doc");
        description["version"]!.GetValue<int>().ShouldBe(1);
        string adf = description.ToJsonString();
        adf.ShouldContain("TLS without SNI to 203.0.113.50");
        adf.ShouldContain("server=203.0.113.50; server_port=443");
        TicketContent.FingerprintIn(adf).ShouldNotBeNull();
    }

    [Fact]
    public async Task Lifecycle_CreateTwoUpdatesAndResolve_OneIssueDone()
    {
        await using var h = await StartAsync();
        var executor = h.Executor(Name);
        var ct = TestContext.Current.CancellationToken;

        var created = await executor.ApplyAsync(Action(Incident(1)), ct);
        var grown = await executor.ApplyAsync(Action(Incident(2)), ct);
        var grownAgain = await executor.ApplyAsync(Action(Incident(3)), ct);
        var resolved = await executor.RevertAsync(Resolve(), ct);
        var redelivered = await executor.ApplyAsync(Action(Incident(3)), ct);

        new[] { created, grown, grownAgain, resolved, redelivered }.ShouldAllBe(o => o.Applied);
        grown.Detail.ShouldBe("updated SEC-1 for inc-t1 (revision 2)");
        grownAgain.Detail.ShouldBe("updated SEC-1 for inc-t1 (revision 3)");
        resolved.Detail.ShouldBe("resolved SEC-1 for inc-t1 (Done)");
        redelivered.Detail.ShouldStartWith("already in place");
        var calls = h.Requests(Name);
        calls.Count(c => c.Method == "POST" && c.Path == "/rest/api/3/issue").ShouldBe(1);
        var puts = calls.Where(c => c.Method == "PUT").ToArray();
        puts.Select(p => p.Path).ShouldBe(["/rest/api/3/issue/SEC-1", "/rest/api/3/issue/SEC-1"]);
        puts.ShouldAllBe(p => p.Status == 204);
        JsonNode.Parse(puts[1].Body)!["fields"]!["description"]!.ToJsonString().ShouldContain("new S7 SZL reads #3");
        calls.Single(c => c.Path == "/rest/api/3/issue/SEC-1/transitions" && c.Method == "POST").Body.ShouldBe("""{"transition":{"id":"31"}}""");
        var issue = (await h.StateAsync("_sim/jira/issues")).AsArray().ShouldHaveSingleItem()!;
        issue["fields"]!["status"]!["name"]!.GetValue<string>().ShouldBe("Done");
        issue["comments"]!.ToJsonString().ShouldContain("AutoRespond: incident closed (act-t1)");
    }

    [Fact]
    public async Task Apply_CreateAnswered503_NotRetriedAndTheNextDeliveryCreatesOnce()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject(Name, new InjectedFault(503, PathPrefix: "/rest/api/3/issue"));
        var executor = h.Executor(Name);

        var failed = await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);
        var retried = await executor.ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        failed.Applied.ShouldBeFalse();
        failed.Detail.ShouldContain("jira ticket failed: HTTP 503");
        retried.Applied.ShouldBeTrue(retried.Detail);
        h.Requests(Name).Where(c => c.Path == "/rest/api/3/issue").Select(c => c.Status).ShouldBe([503, 201]);
        (await h.StateAsync("_sim/jira/issues")).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Simulator_PlainStringDescription_RefusedWithJirasAdfError()
    {
        await using var h = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "rest/api/3/issue")
        {
            Content = new StringContent("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Task"},"summary":"x","description":"plain text"}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{h.Host.Credentials.JiraEmail}:{h.Host.Credentials.JiraToken}")));

        using var response = await h.Control.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(
            """{"errorMessages":[],"errors":{"description":"Operation value must be an Atlassian Document (see the Atlassian Document Format)"}}""");
    }

    [Fact]
    public async Task Simulator_OldSearchEndpoint_Gone()
    {
        await using var h = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "rest/api/3/search?jql=project%3DSEC");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{h.Host.Credentials.JiraEmail}:{h.Host.Credentials.JiraToken}")));

        using var response = await h.Control.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Apply_WrongToken_NotAppliedWithoutTheToken()
    {
        var secrets = new Dictionary<string, string>(new SimulatorCredentials().AsEnvironment()) { ["JIRA_TOKEN"] = "wrong-jira-token" };
        await using var h = await StartAsync(secrets);

        var outcome = await h.Executor(Name).ApplyAsync(Action(Incident()), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("HTTP 401");
        outcome.Detail.ShouldContain("You are not authenticated");
        outcome.Detail.ShouldNotContain("wrong-jira-token");
    }
}
