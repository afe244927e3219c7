using System.Net.Http.Json;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using static AutoRespond.Executors.Tests.Graph.GraphHarness;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphDisableUserExecutorTests
{
    [Fact]
    public async Task Apply_EnabledUser_ReadsIdPatchesAccountEnabledFalseAndConfirmsCompromised()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IActionExecutor>(ActionKinds.DisableUser);
        string id = (await h.UserAsync())["id"]!.GetValue<string>();

        var outcome = await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldContain("verified: accountEnabled false");
        var calls = h.ApiRequests;
        calls.Select(c => $"{c.Method} {c.Path}{Uri.UnescapeDataString(c.Query)}").ShouldBe(
        [
            $"GET /v1.0/users/{Alice}?$select=id,accountEnabled",
            $"PATCH /v1.0/users/{Alice}",
            "POST /v1.0/identityProtection/riskyUsers/confirmCompromised",
            $"GET /v1.0/users/{Alice}?$select=id,accountEnabled",
        ]);
        calls[1].Body.ShouldBe("""{"@odata.type":"#microsoft.graph.user","accountEnabled":false}""");
        calls[1].Header("Content-Type")!.ShouldStartWith("application/json");
        calls[1].Status.ShouldBe(204);
        calls[2].Body.ShouldBe($$"""{"userIds":["{{id}}"]}""");
        calls[2].Status.ShouldBe(204);
        calls.ShouldAllBe(c => c.Header("Authorization") == "Bearer " + h.Host.Credentials.GraphAccessToken);
        var user = await h.UserAsync();
        user["accountEnabled"]!.GetValue<bool>().ShouldBeFalse();
        user["riskState"]!.GetValue<string>().ShouldBe("confirmedCompromised");
    }

    [Fact]
    public async Task Revert_AfterApply_PatchesAccountEnabledTrueAndDismisses()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IRevertibleActionExecutor>(ActionKinds.DisableUser);
        string id = (await h.UserAsync())["id"]!.GetValue<string>();
        await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);
        h.ClearJournal();

        var outcome = await executor.RevertAsync(Revert(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldContain($"enabled account {Alice}");
        outcome.Detail.ShouldContain("not its level before");
        var calls = h.ApiRequests;
        calls.Select(c => $"{c.Method} {c.Path}").ShouldBe(
        [
            $"GET /v1.0/users/{Alice}",
            $"PATCH /v1.0/users/{Alice}",
            "POST /v1.0/identityProtection/riskyUsers/dismiss",
            $"GET /v1.0/users/{Alice}",
        ]);
        calls[1].Body.ShouldBe("""{"@odata.type":"#microsoft.graph.user","accountEnabled":true}""");
        calls[2].Body.ShouldBe($$"""{"userIds":["{{id}}"]}""");
        var user = await h.UserAsync();
        user["accountEnabled"]!.GetValue<bool>().ShouldBeTrue();
        user["riskState"]!.GetValue<string>().ShouldBe("dismissed");
    }

    [Fact]
    public async Task Apply_Redelivered_AlreadyInPlaceWithOnePatch()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IActionExecutor>(ActionKinds.DisableUser);

        await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);
        var second = await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        second.Applied.ShouldBeTrue(second.Detail);
        second.Detail.ShouldStartWith("already in place");
        h.ApiRequests.Count(r => r.Method == "PATCH").ShouldBe(1);
        h.ApiRequests.Count(r => r.Path.EndsWith("/confirmCompromised", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Revert_AccountDisabledBeforeTheAction_LeavesItDisabled()
    {
        await using var h = await StartAsync();
        using (var created = await h.Control.PostAsJsonAsync("_sim/graph/users",
                   new { userPrincipalName = "carol@contoso.com", accountEnabled = false }, TestContext.Current.CancellationToken))
            created.EnsureSuccessStatusCode();
        var executor = h.Executor<IRevertibleActionExecutor>(ActionKinds.DisableUser);

        var applied = await executor.ApplyAsync(Action(ActionKinds.DisableUser, user: "carol@contoso.com"), TestContext.Current.CancellationToken);
        var reverted = await executor.RevertAsync(Revert(ActionKinds.DisableUser), TestContext.Current.CancellationToken);

        applied.Detail.ShouldContain("already disabled");
        reverted.Applied.ShouldBeTrue(reverted.Detail);
        reverted.Detail.ShouldContain("left disabled");
        h.ApiRequests.ShouldNotContain(r => r.Method == "PATCH");
        (await h.UserAsync("carol@contoso.com"))["accountEnabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Revert_InANewProcessWithTheUndoState_AccountDisabledBefore_LeavesItDisabled()
    {
        await using var h = await StartAsync();
        using (var created = await h.Control.PostAsJsonAsync("_sim/graph/users",
                   new { userPrincipalName = "carol@contoso.com", accountEnabled = false }, TestContext.Current.CancellationToken))
            created.EnsureSuccessStatusCode();
        var applied = await h.Executor<IActionExecutor>(ActionKinds.DisableUser)
            .ApplyAsync(Action(ActionKinds.DisableUser, user: "carol@contoso.com"), TestContext.Current.CancellationToken);
        var restarted = h.ExecutorOfNewProcess<IRevertibleActionExecutor>(ActionKinds.DisableUser);

        var reverted = await restarted.RevertAsync(Revert(ActionKinds.DisableUser, undoState: applied.UndoState),
            TestContext.Current.CancellationToken);

        reverted.Applied.ShouldBeTrue(reverted.Detail);
        reverted.Detail.ShouldContain("account carol@contoso.com left disabled");
        h.ApiRequests.ShouldNotContain(r => r.Method == "PATCH");
        (await h.UserAsync("carol@contoso.com"))["accountEnabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Revert_InANewProcessWithTheUndoState_EnablesTheAccountOfTheActionsUser()
    {
        await using var h = await StartAsync();
        using (var created = await h.Control.PostAsJsonAsync("_sim/graph/users",
                   new { userPrincipalName = "dave@contoso.com", accountEnabled = true }, TestContext.Current.CancellationToken))
            created.EnsureSuccessStatusCode();
        var applied = await h.Executor<IActionExecutor>(ActionKinds.DisableUser)
            .ApplyAsync(Action(ActionKinds.DisableUser, user: "dave@contoso.com"), TestContext.Current.CancellationToken);
        var restarted = h.ExecutorOfNewProcess<IRevertibleActionExecutor>(ActionKinds.DisableUser);

        var reverted = await restarted.RevertAsync(Revert(ActionKinds.DisableUser, undoState: applied.UndoState),
            TestContext.Current.CancellationToken);

        reverted.Applied.ShouldBeTrue(reverted.Detail);
        reverted.Detail.ShouldContain("enabled account dave@contoso.com");
        (await h.UserAsync("dave@contoso.com"))["accountEnabled"]!.GetValue<bool>().ShouldBeTrue();
        (await h.UserAsync())["accountEnabled"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task IsInPlace_AppliedThenReverted_FollowsTheAccount()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IRevertibleActionExecutor>(ActionKinds.DisableUser);
        var verifiable = (IVerifiableActionExecutor)executor;

        await executor.ApplyAsync(Action(ActionKinds.DisableUser), TestContext.Current.CancellationToken);
        bool afterApply = await verifiable.IsInPlaceAsync("act-g1", Device, TestContext.Current.CancellationToken);
        await executor.RevertAsync(Revert(ActionKinds.DisableUser), TestContext.Current.CancellationToken);
        bool afterRevert = await verifiable.IsInPlaceAsync("act-g1", Device, TestContext.Current.CancellationToken);

        afterApply.ShouldBeTrue();
        afterRevert.ShouldBeFalse();
    }
}
