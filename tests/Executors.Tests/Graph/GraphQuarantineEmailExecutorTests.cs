using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Graph;
using AutoRespond.Responders.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using static AutoRespond.Executors.Tests.Graph.GraphHarness;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphQuarantineEmailExecutorTests
{
    [Fact]
    public async Task Apply_SearchHitsInWindowAndGivenIds_MovedToDeletedItemsWithPascalCaseDestinationId()
    {
        await using var h = await StartAsync();
        string lure = await h.AddMessageAsync("Invoice", "download the update from https://203.0.113.50/upd", T0.AddHours(-2));
        string cert = await h.AddMessageAsync("Portal", "sign in at update-check.example.net", T0.AddHours(-3));
        string old = await h.AddMessageAsync("Old", "203.0.113.50 was mentioned a week ago", T0.AddDays(-7));
        string unrelated = await h.AddMessageAsync("Lunch", "pizza on friday", T0.AddHours(-1));
        string reported = await h.AddMessageAsync("Reported", "user reported this one", T0.AddHours(-1));
        h.Services.GetRequiredService<QuarantineMessageIds>().Add("inc-g1", [reported]);
        h.ClearJournal();
        var executor = h.Executor<IActionExecutor>(ActionKinds.QuarantineEmail);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldContain("moved 3 message(s)");
        outcome.Detail.ShouldContain("verified");
        var searches = h.ApiRequests.Where(r => r.Method == "GET" && r.Path == $"/v1.0/users/{Alice}/messages").ToArray();
        searches.Select(s => Uri.UnescapeDataString(s.Query)).ShouldBe(
        [
            "?$search=\"update-check.example.net\"&$select=id,receivedDateTime,parentFolderId,subject&$top=50",
            "?$search=\"203.0.113.50\"&$select=id,receivedDateTime,parentFolderId,subject&$top=50",
            "?$search=\"198.51.100.23\"&$select=id,receivedDateTime,parentFolderId,subject&$top=50",
        ], ignoreOrder: true);
        var moves = h.ApiRequests.Where(r => r.Method == "POST" && r.Path.EndsWith("/move", StringComparison.Ordinal)).ToArray();
        moves.Select(m => m.Path).ShouldBe(
            [$"/v1.0/users/{Alice}/messages/{reported}/move", $"/v1.0/users/{Alice}/messages/{lure}/move", $"/v1.0/users/{Alice}/messages/{cert}/move"],
            ignoreOrder: true);
        moves.ShouldAllBe(m => m.Body == """{"DestinationId":"deleteditems"}""" && m.Status == 201);
        moves.ShouldAllBe(m => m.Header("Prefer") == "IdType=\"ImmutableId\"" && m.Header("Authorization") == "Bearer " + h.Host.Credentials.GraphAccessToken);
        var folders = await FoldersAsync(h);
        folders[lure].ShouldBe("deleteditems");
        folders[cert].ShouldBe("deleteditems");
        folders[reported].ShouldBe("deleteditems");
        folders[old].ShouldBe("inbox");
        folders[unrelated].ShouldBe("inbox");
    }

    [Fact]
    public async Task Revert_MovesChangedIds_MovesBackUsingTheNewIds()
    {
        await using var h = await StartAsync();
        using (var options = await h.Control.PostAsJsonAsync("_sim/graph/options", new { honourImmutableId = false }, TestContext.Current.CancellationToken))
            options.EnsureSuccessStatusCode();
        string lure = await h.AddMessageAsync("Invoice", "see https://203.0.113.50/", T0.AddHours(-2));
        var executor = h.Executor<IRevertibleActionExecutor>(ActionKinds.QuarantineEmail);
        var applied = await executor.ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);
        string movedId = (await FoldersAsync(h)).Single().Key;
        h.ClearJournal();

        var reverted = await executor.RevertAsync(Revert(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);

        applied.Detail.ShouldContain($"{lure} -> {movedId}");
        movedId.ShouldNotBe(lure);
        reverted.Applied.ShouldBeTrue(reverted.Detail);
        var move = h.ApiRequests.Single();
        move.Method.ShouldBe("POST");
        move.Path.ShouldBe($"/v1.0/users/{Alice}/messages/{movedId}/move");
        move.Body.ShouldBe("""{"DestinationId":"inbox"}""");
        (await FoldersAsync(h)).Single().Value.ShouldBe("inbox");
    }

    [Fact]
    public async Task Apply_Redelivered_AlreadyInPlaceWithoutSecondMove()
    {
        await using var h = await StartAsync();
        await h.AddMessageAsync("Invoice", "see https://203.0.113.50/", T0.AddHours(-2));
        var executor = h.Executor<IActionExecutor>(ActionKinds.QuarantineEmail);

        await executor.ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);
        var second = await executor.ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);

        second.Applied.ShouldBeTrue(second.Detail);
        second.Detail.ShouldStartWith("already in place");
        h.ApiRequests.Count(r => r.Path.EndsWith("/move", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Apply_NothingMatches_AppliedAndSaysNothingMoved()
    {
        await using var h = await StartAsync();
        await h.AddMessageAsync("Lunch", "pizza on friday", T0.AddHours(-1));
        var executor = h.Executor<IActionExecutor>(ActionKinds.QuarantineEmail);

        var outcome = await executor.ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldContain("nothing moved");
        h.ApiRequests.ShouldNotContain(r => r.Path.EndsWith("/move", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revert_NoRecord_NotAppliedWithClearDetail()
    {
        await using var h = await StartAsync();
        var executor = h.Executor<IRevertibleActionExecutor>(ActionKinds.QuarantineEmail);

        var outcome = await executor.RevertAsync(Revert(ActionKinds.QuarantineEmail, actionId: "act-unknown"), TestContext.Current.CancellationToken);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("no record of the messages act-unknown moved");
        h.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Revert_InANewProcessWithTheUndoState_MovesTheMessagesBackByTheirNewIds()
    {
        await using var h = await StartAsync();
        using (var options = await h.Control.PostAsJsonAsync("_sim/graph/options", new { honourImmutableId = false }, TestContext.Current.CancellationToken))
            options.EnsureSuccessStatusCode();
        string lure = await h.AddMessageAsync("Invoice", "see https://203.0.113.50/", T0.AddHours(-2));
        string cert = await h.AddMessageAsync("Portal", "sign in at update-check.example.net", T0.AddHours(-3));
        var applied = await h.Executor<IActionExecutor>(ActionKinds.QuarantineEmail)
            .ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);
        var quarantined = await FoldersAsync(h);
        h.ClearJournal();
        var restarted = h.ExecutorOfNewProcess<IRevertibleActionExecutor>(ActionKinds.QuarantineEmail);

        var reverted = await restarted.RevertAsync(Revert(ActionKinds.QuarantineEmail, undoState: applied.UndoState),
            TestContext.Current.CancellationToken);

        applied.Applied.ShouldBeTrue(applied.Detail);
        quarantined.Count.ShouldBe(2);
        quarantined.Values.ShouldAllBe(f => f == "deleteditems");
        quarantined.Keys.ShouldNotContain(lure);
        quarantined.Keys.ShouldNotContain(cert);
        reverted.Applied.ShouldBeTrue(reverted.Detail);
        reverted.Detail.ShouldContain($"moved 2 message(s) of {Alice} back to inbox");
        h.ApiRequests.Where(r => r.Method == "POST").Select(r => r.Path).ShouldBe(
            quarantined.Keys.Select(id => $"/v1.0/users/{Alice}/messages/{id}/move"), ignoreOrder: true);
        (await FoldersAsync(h)).Values.ShouldAllBe(f => f == "inbox");
    }

    [Fact]
    public async Task Revert_InANewProcessWithoutUndoState_NotAppliedAndMessagesStayQuarantined()
    {
        await using var h = await StartAsync();
        await h.AddMessageAsync("Invoice", "see https://203.0.113.50/", T0.AddHours(-2));
        var applied = await h.Executor<IActionExecutor>(ActionKinds.QuarantineEmail)
            .ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);
        h.ClearJournal();
        var restarted = h.ExecutorOfNewProcess<IRevertibleActionExecutor>(ActionKinds.QuarantineEmail);

        var reverted = await restarted.RevertAsync(Revert(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);

        applied.UndoState.ShouldNotBeNull();
        reverted.Applied.ShouldBeFalse();
        reverted.Detail.ShouldContain("no record of the messages act-g1 moved");
        h.Requests.ShouldBeEmpty();
        (await FoldersAsync(h)).Values.ShouldAllBe(f => f == "deleteditems");
    }

    [Fact]
    public async Task IsInPlace_AfterApplyAndAfterRevert_FollowsTheMailbox()
    {
        await using var h = await StartAsync();
        await h.AddMessageAsync("Invoice", "see https://203.0.113.50/", T0.AddHours(-2));
        var executor = h.Executor<IRevertibleActionExecutor>(ActionKinds.QuarantineEmail);
        var verifiable = (IVerifiableActionExecutor)executor;

        await executor.ApplyAsync(Action(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);
        bool afterApply = await verifiable.IsInPlaceAsync("act-g1", Device, TestContext.Current.CancellationToken);
        await executor.RevertAsync(Revert(ActionKinds.QuarantineEmail), TestContext.Current.CancellationToken);
        bool afterRevert = await verifiable.IsInPlaceAsync("act-g1", Device, TestContext.Current.CancellationToken);

        afterApply.ShouldBeTrue();
        afterRevert.ShouldBeFalse();
    }

    private static async Task<Dictionary<string, string>> FoldersAsync(GraphHarness h) =>
        (await h.UserAsync())["messages"]!.AsArray()
            .ToDictionary(m => m!["id"]!.GetValue<string>(), m => m!["folder"]!.GetValue<string>());
}
