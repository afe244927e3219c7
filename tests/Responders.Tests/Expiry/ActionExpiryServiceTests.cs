using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Expiry;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Expiry;

public sealed class ActionExpiryServiceTests
{
    private static readonly AutoRespondConfig Autonomous = AutoRespondConfig.Default with
    {
        Response = ResponseConfig.Default with
        {
            Mode = ResponseMode.Autonomous,
            Ladder = [new LadderStep(0.5, [ActionKinds.Ticket, ActionKinds.FirewallBlock, ActionKinds.RevokeSessions], TimeSpan.FromHours(1), null)],
        },
    };

    private static string[] Devices(int n) => [.. Enumerable.Range(1, n).Select(i => $"10.10.0.{i}")];

    private static async Task ApplyAsync(ServiceProvider services, FakeTimeProvider time, IEnumerable<string> devices)
    {
        var engine = services.GetRequiredService<ResponseEngine>();
        foreach (var device in devices)
            await engine.HandleAsync(Scored(0.9, device: device, id: "inc-" + device, time: time.GetUtcNow()), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Restart_ActionsDueWhileDown_RevertedExactlyOnceAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        string db = ResponderServices.NewDatabasePath();
        var time = new FakeTimeProvider(T0);
        var target = new RecordingExecutor();
        var devices = Devices(6);
        await using (var before = await ResponderServices.BuildAsync(db, Autonomous, time, target))
            await ApplyAsync(before, time, devices);
        target.Applied.Count.ShouldBe(18);

        time.Advance(TimeSpan.FromHours(2)); // the process was down when the blocks fell due
        await using var after = await ResponderServices.BuildAsync(db, Autonomous, time, target);
        var expiry = after.GetServices<IHostedService>().OfType<ActionExpiryService>().ShouldHaveSingleItem();
        var competitor = ActivatorUtilities.CreateInstance<ActionExpiryService>(after);
        await Task.WhenAll(expiry.StartAsync(ct), competitor.SweepAsync(ct));
        for (int i = 0; i < 1200 && target.RevertCount < devices.Length; i++) await Task.Delay(25, ct); // up to 30 s
        await Task.Delay(100, ct);
        await expiry.StopAsync(ct);

        var blocks = devices.Select(d => AutoRespond.Responders.Planning.LadderPlanner.ActionIdFor(Scored(0.9, device: d, id: "inc-" + d), ActionKinds.FirewallBlock)).ToArray();
        target.Reverted.Order().ShouldBe(blocks.Order()); // each block once; tickets and revoked sessions never
        foreach (var id in blocks)
            target.RevertedWith[id].ShouldBe("undo-" + id); // what the apply left, from the ledger, after the restart
        var ledger = after.GetRequiredService<IActionLedger>();
        foreach (var id in blocks)
        {
            var snapshot = (await ledger.GetAsync(id, ct)).ShouldNotBeNull();
            snapshot.Action.State.ShouldBe(ActionStates.Expired);
            snapshot.History.Count(h => h.Detail.StartsWith("reverted at target", StringComparison.Ordinal)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Sweep_BeforeDue_NothingThenExactlyOnceAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(T0);
        var target = new RecordingExecutor();
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), Autonomous, time, target);
        await ApplyAsync(services, time, Devices(2));
        var expiry = ActivatorUtilities.CreateInstance<ActionExpiryService>(services);

        time.Advance(TimeSpan.FromMinutes(59));
        (await expiry.SweepAsync(ct)).ShouldBe(0);
        time.Advance(TimeSpan.FromMinutes(1));
        (await expiry.SweepAsync(ct)).ShouldBe(2);
        (await expiry.SweepAsync(ct)).ShouldBe(0);
        target.RevertCount.ShouldBe(2);
    }

    [Fact]
    public async Task Sweep_RevertFails_ActionMarkedFailed()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(T0);
        var target = new RecordingExecutor { FailReverts = true };
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), Autonomous, time, target);
        await ApplyAsync(services, time, Devices(1));
        time.Advance(TimeSpan.FromHours(1));
        await ActivatorUtilities.CreateInstance<ActionExpiryService>(services).SweepAsync(ct);
        var id = AutoRespond.Responders.Planning.LadderPlanner.ActionIdFor(Scored(0.9, device: "10.10.0.1", id: "inc-10.10.0.1"), ActionKinds.FirewallBlock);
        var snapshot = (await services.GetRequiredService<IActionLedger>().GetAsync(id, ct)).ShouldNotBeNull();
        snapshot.Action.State.ShouldBe(ActionStates.Failed);
        snapshot.History[^1].Detail.ShouldContain("may still be in force");
    }

    [Fact]
    public async Task Sweep_ExtendedAction_WaitsForTheExtension()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(T0);
        var target = new RecordingExecutor();
        await using var services = await ResponderServices.BuildAsync(ResponderServices.NewDatabasePath(), Autonomous, time, target);
        await ApplyAsync(services, time, Devices(1));
        var id = AutoRespond.Responders.Planning.LadderPlanner.ActionIdFor(Scored(0.9, device: "10.10.0.1", id: "inc-10.10.0.1"), ActionKinds.FirewallBlock);
        (await services.GetRequiredService<ConfirmationService>().ExtendAsync(id, "alice", "still investigating", TimeSpan.FromHours(2), ct))
            .Succeeded.ShouldBeTrue();
        var expiry = ActivatorUtilities.CreateInstance<ActionExpiryService>(services);
        time.Advance(TimeSpan.FromHours(2));
        (await expiry.SweepAsync(ct)).ShouldBe(0);
        time.Advance(TimeSpan.FromHours(1));
        (await expiry.SweepAsync(ct)).ShouldBe(1);
        target.Reverted.ShouldBe([id]);
    }
}
