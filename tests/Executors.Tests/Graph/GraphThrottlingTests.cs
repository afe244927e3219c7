using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Simulators.Common;
using static AutoRespond.Executors.Tests.Graph.GraphHarness;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphThrottlingTests
{
    private const string Revoke = "/v1.0/users/" + Alice + "/revokeSignInSessions";
    private const string Confirm = "/v1.0/identityProtection/riskyUsers/confirmCompromised";

    [Fact]
    public async Task Apply_Graph429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject("graph", new InjectedFault(429, RetryAfter: TimeSpan.FromSeconds(1), PathPrefix: Revoke));
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var hits = h.ApiRequests.Where(r => r.Path == Revoke).ToArray();
        hits.Select(r => r.Status).ShouldBe([429, 200]);
        (hits[1].Time - hits[0].Time).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
        hits[1].Header("client-request-id").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Apply_RiskyUsers429WithoutRetryAfter_BacksOffAndSucceeds()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject("graph", new InjectedFault(429, PathPrefix: Confirm), times: 2);
        var executor = h.Executor<IActionExecutor>(ActionKinds.DisableUser);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var hits = h.ApiRequests.Where(r => r.Path == Confirm).ToArray();
        hits.Select(r => r.Status).ShouldBe([429, 429, 204]);
        hits.ShouldAllBe(r => r.Body.Contains("userIds"));
    }

    [Fact]
    public async Task Apply_RiskyUsersThrottledThroughEveryRetry_NotAppliedWithAClearDetail()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject("graph", new InjectedFault(429, PathPrefix: Confirm), times: 20);
        var executor = h.Executor<IActionExecutor>(ActionKinds.DisableUser);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("HTTP 429 TooManyRequests");
        outcome.Detail.ShouldContain("after the retries");
        h.ApiRequests.Count(r => r.Path == Confirm).ShouldBe(1 + Common.ExecutorOptions.Fast.MaxRetries);
    }

    [Fact]
    public async Task Apply_SustainedOutage_CircuitOpensAndTheActionFailsFast()
    {
        await using var h = await StartAsync();
        h.Host.Faults.Inject("graph", new InjectedFault(503), times: 1000);
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        bool opened = false;
        for (int i = 0; i < 6 && !opened; i++)
            opened = (await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken)).Detail.Contains("circuit open", StringComparison.Ordinal);
        int hitsBefore = h.Requests.Count;

        var outcome = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);

        opened.ShouldBeTrue();
        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("circuit open");
        h.Requests.Count.ShouldBe(hitsBefore);
    }
}
