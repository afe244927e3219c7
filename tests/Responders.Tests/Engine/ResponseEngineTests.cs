using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Engine;

public sealed class ResponseEngineTests
{
    private readonly List<ActionDecision> _decisions = [];
    private readonly InMemoryActionRecorder _ledger = new();

    [Fact]
    public async Task Handle_DryRunDefaultLadder_RecordsDryRunActions()
    {
        await Engine(ResponseConfig.Default).HandleAsync(Scored(0.99), TestContext.Current.CancellationToken);
        _decisions.Select(d => (d.Kind, d.State)).ShouldBe([("ticket", "dry-run"), ("firewall-block", "dry-run")]);
        _decisions[1].Expires.ShouldBe(T0.AddHours(4));
        _decisions[1].Reason.ShouldContain("min_score 0.95");
    }

    [Fact]
    public async Task Handle_RepublishedIncident_AddsOnlyNewKinds()
    {
        var engine = Engine(ResponseConfig.Default);
        await engine.HandleAsync(Scored(0.85, revision: 1), TestContext.Current.CancellationToken);
        await engine.HandleAsync(Scored(0.97, revision: 2), TestContext.Current.CancellationToken);
        _decisions.Select(d => d.Kind).ShouldBe(["ticket", "tcp-reset", "firewall-block"]);
    }

    [Fact]
    public async Task Handle_ProtectedDevice_BlockedButTicketed()
    {
        var network = new NetworkConfig { Protected = [IPNetwork.Parse("10.10.0.66/32")] };
        await Engine(ResponseConfig.Default, network).HandleAsync(Scored(0.99), TestContext.Current.CancellationToken);
        _decisions.Select(d => (d.Kind, d.State)).ShouldBe([("ticket", "dry-run"), ("firewall-block", "blocked-protected")]);
        _decisions[1].Gate.ShouldBe("protected");
    }

    [Fact]
    public async Task Handle_AutonomousWithoutIntegration_FailsLoudly()
    {
        await Engine(ResponseConfig.Default with { Mode = ResponseMode.Autonomous }).HandleAsync(Scored(0.7), TestContext.Current.CancellationToken);
        var ticket = _decisions.ShouldHaveSingleItem();
        ticket.State.ShouldBe(ActionStates.Failed);
        ticket.Reason.ShouldContain("no integration configured for ticket");
    }

    [Fact]
    public async Task Handle_LimitReached_BlocksFurtherDisruptiveActions()
    {
        var response = ResponseConfig.Default with { Limits = new LimitsConfig(MaxActiveActions: 1) };
        var engine = Engine(response);
        await engine.HandleAsync(Scored(0.99, device: "10.0.0.1", id: "inc-a"), TestContext.Current.CancellationToken);
        await engine.HandleAsync(Scored(0.99, device: "10.0.0.2", id: "inc-b"), TestContext.Current.CancellationToken);
        _decisions.Where(d => d.Kind == ActionKinds.FirewallBlock).Select(d => d.State)
            .ShouldBe(["dry-run", "blocked-limit"]);
        _decisions.Count(d => d.Kind == ActionKinds.Ticket && d.State == "dry-run").ShouldBe(2);
    }

    [Fact]
    public async Task Handle_ConfirmMode_AwaitsPerson()
    {
        await Engine(ResponseConfig.Default with { Mode = ResponseMode.Confirm }).HandleAsync(Scored(0.7), TestContext.Current.CancellationToken);
        _decisions.ShouldHaveSingleItem().State.ShouldBe(ActionStates.AwaitingConfirmation);
    }

    private ResponseEngine Engine(ResponseConfig response, NetworkConfig? network = null)
    {
        network ??= NetworkConfig.Default;
        var index = new ActiveActionIndex();
        var gates = ResponseGates.For(AutoRespondConfig.Default with { Network = network, Response = response }, index);
        return new ResponseEngine(response, new LadderPlanner(response, network), gates, index, new InProcessDispatcher([]),
            _ledger, new Observer(_decisions));
    }

    private sealed class Observer(List<ActionDecision> decisions) : IResponseObserver
    {
        public void OnAction(ActionDecision decision) => decisions.Add(decision);
    }
}
