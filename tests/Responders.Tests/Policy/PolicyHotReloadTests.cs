using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Policy;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Policy;

/// <summary>The responder's real composition (DI, migrated SQLite store): stored versions loaded and swapped in.</summary>
public sealed class PolicyHotReloadTests
{
    private static readonly AutoRespondConfig FileConfig = AutoRespondConfig.Default with
    {
        Response = ResponseConfig.Default with
        {
            Mode = ResponseMode.Autonomous,
            Ladder = [new LadderStep(0.5, [ActionKinds.Ticket], null, null)],
        },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ResponseConfig BlockLadder = new()
    {
        Mode = ResponseMode.Autonomous,
        Ladder = [new LadderStep(0.5, [ActionKinds.Ticket, ActionKinds.FirewallBlock], TimeSpan.FromHours(2), null)],
        Limits = new LimitsConfig(10, 10),
    };

    [Fact]
    public async Task Refresh_EveryMinute_PicksUpAVersionThisProcessWasNotToldAbout()
    {
        var time = new FakeTimeProvider(T0);
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), FileConfig, time, new RecordingExecutor());
        var store = services.GetRequiredService<IPolicyStore>();
        var provider = services.GetRequiredService<PolicyProvider>();
        using var refresh = new SharedStateRefreshService(services.GetRequiredService<PolicyLoader>(), null, time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SharedStateRefreshService>.Instance);
        await refresh.StartAsync(Ct);

        int version = await store.SaveAsync(ResponsePolicyJson.Serialize(BlockLadder), "alice", "set on another responder", time.GetUtcNow(), Ct);
        provider.Current.Version.ShouldBe(0); // no PolicyChanged reached this process
        // The service's loop starts on its own thread: keep the fake minutes coming until its timer has seen one.
        for (int i = 0; i < 3000 && provider.Current.Version != version; i++) // up to 30 s on a busy machine
        {
            time.Advance(SharedStateRefreshService.Period);
            await Task.Delay(10, Ct);
        }

        provider.Current.Version.ShouldBe(version);
        await refresh.StopAsync(Ct);
    }

    [Fact]
    public async Task Load_ValidVersion_DecisionsAfterTheSwapUseTheNewLadderAndCarryItsVersion()
    {
        var time = new FakeTimeProvider(T0);
        var target = new RecordingExecutor();
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), FileConfig, time, target);
        var engine = services.GetRequiredService<ResponseEngine>();
        var ledger = services.GetRequiredService<IActionLedger>();
        var store = services.GetRequiredService<IPolicyStore>();

        await engine.HandleAsync(Scored(0.9, device: "10.10.0.1", id: "inc-before"), Ct);
        target.Applied.Count.ShouldBe(1); // the file's ladder: a ticket only

        int version = await store.SaveAsync(ResponsePolicyJson.Serialize(BlockLadder), "alice", "block too", time.GetUtcNow(), Ct);
        var result = await services.GetRequiredService<PolicyLoader>().LoadAsync(version, Ct);
        result.Status.ShouldBe(PolicyLoadStatus.Swapped);
        services.GetRequiredService<PolicyProvider>().Current.Version.ShouldBe(version);

        var incident = Scored(0.9, device: "10.10.0.2", id: "inc-after");
        await engine.HandleAsync(incident, Ct);

        target.Applied.Count.ShouldBe(3);
        var block = (await ledger.GetAsync(AutoRespond.Responders.Planning.LadderPlanner.ActionIdFor(incident, ActionKinds.FirewallBlock), Ct))
            .ShouldNotBeNull().Action;
        block.State.ShouldBe(ActionStates.Executed);
        block.PolicyVersion.ShouldBe(version);
        block.ExpiresAt.ShouldBe(T0 + TimeSpan.FromHours(2));
        var before = (await ledger.GetAsync(AutoRespond.Responders.Planning.LadderPlanner.ActionIdFor(
            Scored(0.9, device: "10.10.0.1", id: "inc-before"), ActionKinds.Ticket), Ct)).ShouldNotBeNull().Action;
        before.PolicyVersion.ShouldBe(PolicyProvider.FileVersion);
    }

    [Fact]
    public async Task Load_InvalidVersion_IsRejectedAndThePreviousPolicyStaysInForce()
    {
        var time = new FakeTimeProvider(T0);
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), FileConfig, time, new RecordingExecutor());
        var store = services.GetRequiredService<IPolicyStore>();
        var loader = services.GetRequiredService<PolicyLoader>();
        var provider = services.GetRequiredService<PolicyProvider>();
        int good = await store.SaveAsync(ResponsePolicyJson.Serialize(BlockLadder), "alice", null, time.GetUtcNow(), Ct);
        (await loader.LoadAsync(good, Ct)).Swapped.ShouldBeTrue();

        // A duration on a step with nothing to undo: PolicyValidator rejects it.
        int bad = await store.SaveAsync("""{"mode":"dry-run","ladder":[{"min_score":0.1,"actions":["ticket"],"duration":"1h"}]}""",
            "mallory", "oops", time.GetUtcNow(), Ct);
        var rejected = await loader.LoadAsync(bad, Ct);
        rejected.Status.ShouldBe(PolicyLoadStatus.Rejected);
        rejected.Problems.ShouldContain(p => p.Contains("response.ladder[0].duration", StringComparison.Ordinal));

        // Not a policy at all (unknown key).
        int garbage = await store.SaveAsync("""{"modus":"autonomous"}""", "mallory", null, time.GetUtcNow(), Ct);
        (await loader.LoadAsync(garbage, Ct)).Status.ShouldBe(PolicyLoadStatus.Rejected);

        provider.Current.Version.ShouldBe(good);
        provider.Current.Response.Mode.ShouldBe(ResponseMode.Autonomous);
        provider.Current.Response.Ladder.ShouldHaveSingleItem().Actions.ShouldContain(ActionKinds.FirewallBlock);
    }

    [Fact]
    public async Task Load_MissingOrOlderVersion_ChangesNothing()
    {
        var time = new FakeTimeProvider(T0);
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), FileConfig, time, new RecordingExecutor());
        var store = services.GetRequiredService<IPolicyStore>();
        var loader = services.GetRequiredService<PolicyLoader>();
        int v1 = await store.SaveAsync(ResponsePolicyJson.Serialize(FileConfig.Response with { Mode = ResponseMode.Confirm }), "a", null, time.GetUtcNow(), Ct);
        int v2 = await store.SaveAsync(ResponsePolicyJson.Serialize(BlockLadder), "a", null, time.GetUtcNow(), Ct);

        (await loader.LoadAsync(42, Ct)).Status.ShouldBe(PolicyLoadStatus.NotFound);
        (await loader.LoadCurrentAsync(Ct)).Status.ShouldBe(PolicyLoadStatus.Swapped);
        (await loader.LoadAsync(v1, Ct)).Status.ShouldBe(PolicyLoadStatus.Stale);

        services.GetRequiredService<PolicyProvider>().Current.Version.ShouldBe(v2);
    }
}
