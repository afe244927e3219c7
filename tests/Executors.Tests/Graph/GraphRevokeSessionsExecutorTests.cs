using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using static AutoRespond.Executors.Tests.Graph.GraphHarness;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphRevokeSessionsExecutorTests
{
    [Fact]
    public async Task Apply_UserKnown_PostsRevokeSignInSessionsWithBearerAndVerifiesByReadBack()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldContain("verified: signInSessionsValidFromDateTime");
        var calls = h.ApiRequests;
        calls.Select(c => $"{c.Method} {c.Path}{Uri.UnescapeDataString(c.Query)}").ShouldBe(
        [
            $"GET /v1.0/users/{Alice}?$select=id,signInSessionsValidFromDateTime",
            $"POST /v1.0/users/{Alice}/revokeSignInSessions",
            $"GET /v1.0/users/{Alice}?$select=id,signInSessionsValidFromDateTime",
        ]);
        var revoke = calls[1];
        revoke.Body.ShouldBeEmpty();
        revoke.Status.ShouldBe(200);
        revoke.Header("Authorization").ShouldBe("Bearer " + h.Host.Credentials.GraphAccessToken);
        revoke.Header("SdkVersion")!.ShouldContain("graph-dotnet");
        revoke.Header("Retry-Attempt").ShouldBeNull();
        (await h.UserAsync())["signInSessionsValidFromDateTime"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Apply_Redelivered_AlreadyInPlaceWithOneRevoke()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        var first = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);
        var second = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);

        first.Applied.ShouldBeTrue(first.Detail);
        second.Applied.ShouldBeTrue(second.Detail);
        second.Detail.ShouldStartWith("already in place");
        h.ApiRequests.Count(r => r.Path.EndsWith("/revokeSignInSessions", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Apply_NoUser_NotAppliedAndNothingSent()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions, user: null), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain($"no user known for device {Device}");
        h.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Apply_UnknownUser_NotAppliedWithGraphError()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IActionExecutor>(ActionKinds.RevokeSessions);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.RevokeSessions, user: "mallory@contoso.com"), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("HTTP 404 Request_ResourceNotFound");
    }

    [Fact]
    public async Task IsInPlace_AfterApply_TrueFromReadBack()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IVerifiableActionExecutor>(ActionKinds.RevokeSessions);
        (await executor.IsInPlaceAsync("act-g1", Device, TestContext.Current.CancellationToken)).ShouldBeFalse();

        await executor.ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken);

        (await executor.IsInPlaceAsync("act-g1", Device, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }
}
