using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Dispatch;

public sealed class InProcessDispatcherTests
{
    [Fact]
    public async Task Dispatch_ExecutorThrows_FailsTheActionWithTheError()
    {
        var dispatcher = new InProcessDispatcher([new Throwing(), new Applying()]);
        var outcome = await dispatcher.DispatchAsync(Action(), TestContext.Current.CancellationToken);
        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("fortios: HttpRequestException: connection refused");
        outcome.Detail.ShouldContain("nftables: added");
    }

    [Fact]
    public async Task Dispatch_AllExecutorsApply_Applied()
    {
        var outcome = await new InProcessDispatcher([new Applying()]).DispatchAsync(Action(), TestContext.Current.CancellationToken);
        outcome.Applied.ShouldBeTrue();
    }

    [Fact]
    public async Task UndoState_OfSeveralExecutors_TravelsAsOneAndEachGetsItsOwnBack()
    {
        Undoing graph = new("graph", "graph-state"), other = new("other", "other-state"), none = new("none", null);
        var dispatcher = new InProcessDispatcher([graph, other, none]);
        var applied = await dispatcher.DispatchAsync(Action(), TestContext.Current.CancellationToken);
        var header = new ActionHeader("act-1", "inc-1", ActionKinds.FirewallBlock, "10.10.0.66", T0, null, "expired", 1);

        // A revert in another process: new executor instances, only the combined state from the ledger.
        Undoing graph2 = new("graph", null), other2 = new("other", null), none2 = new("none", null);
        var reverted = await new InProcessDispatcher([graph2, other2, none2])
            .RevertAsync(new RevertAction(header, "expired", applied.UndoState), TestContext.Current.CancellationToken);
        var withoutState = await new InProcessDispatcher([new Undoing("graph", null)])
            .RevertAsync(new RevertAction(header, "expired"), TestContext.Current.CancellationToken);

        applied.UndoState.ShouldNotBeNull();
        reverted.Applied.ShouldBeTrue();
        (graph2.RevertedWith, other2.RevertedWith, none2.RevertedWith).ShouldBe(("graph-state", "other-state", null));
        withoutState.Applied.ShouldBeTrue();
        (await new InProcessDispatcher([none]).DispatchAsync(Action(), TestContext.Current.CancellationToken)).UndoState.ShouldBeNull();
    }

    private static PlannedAction Action() =>
        new("act-1", Scored(0.97), ActionKinds.FirewallBlock, "10.10.0.66", 2, 0.95, TimeSpan.FromHours(1), T0);

    private sealed class Throwing : IActionExecutor
    {
        public string Kind => ActionKinds.FirewallBlock;
        public string Name => "fortios";
        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }

    private sealed class Applying : IActionExecutor
    {
        public string Kind => ActionKinds.FirewallBlock;
        public string Name => "nftables";
        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DispatchOutcome(true, "added"));
    }

    private sealed class Undoing(string name, string? state) : IRevertibleActionExecutor
    {
        public string? RevertedWith { get; private set; }
        public string Kind => ActionKinds.FirewallBlock;
        public string Name => name;
        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DispatchOutcome(true, "added", state));
        public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
        {
            RevertedWith = revert.UndoState;
            return ValueTask.FromResult(new DispatchOutcome(true, "removed"));
        }
    }
}
