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
}
