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
    public async Task Handle_ExecutorFails_ActionFailedAndTicketRaisedOnce()
    {
        var tickets = new RecordingExecutor(ActionKinds.Ticket, applies: true);
        var firewall = new RecordingExecutor(ActionKinds.FirewallBlock, applies: false);
        var response = ResponseConfig.Default with { Mode = ResponseMode.Autonomous };
        var engine = Engine(response, executors: [tickets, firewall]);
        await engine.HandleAsync(Scored(0.99), TestContext.Current.CancellationToken);
        await engine.HandleAsync(Scored(0.99, revision: 2), TestContext.Current.CancellationToken);

        var block = _decisions.Single(d => d.Kind == ActionKinds.FirewallBlock);
        block.State.ShouldBe(ActionStates.Failed);
        var failure = _decisions.Single(d => d.ActionId == block.ActionId + "-failure");
        failure.Kind.ShouldBe(ActionKinds.Ticket);
        failure.State.ShouldBe(ActionStates.Executed);
        failure.Reason.ShouldContain($"firewall-block action {block.ActionId} failed");
        tickets.Applied.ShouldContain(block.ActionId + "-failure");
    }

    [Fact]
    public async Task Handle_IncidentGrows_ExecutedTicketSentAgainAsUpdate()
    {
        var tickets = new RecordingExecutor(ActionKinds.Ticket, applies: true);
        var engine = Engine(ResponseConfig.Default with { Mode = ResponseMode.Autonomous }, executors: [tickets]);
        await engine.HandleAsync(Scored(0.7, revision: 1), TestContext.Current.CancellationToken);
        await engine.HandleAsync(Scored(0.75, revision: 2), TestContext.Current.CancellationToken);

        _decisions.ShouldHaveSingleItem().Kind.ShouldBe(ActionKinds.Ticket);
        tickets.Applied.Count.ShouldBe(2);
        tickets.Applied.Distinct().ShouldHaveSingleItem();
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

    [Fact]
    public async Task Handle_EveryGateRuling_IsCarriedOnTheDecision()
    {
        await Engine(ResponseConfig.Default).HandleAsync(Scored(0.99), TestContext.Current.CancellationToken);
        var block = _decisions.Single(d => d.Kind == ActionKinds.FirewallBlock);
        block.GateOutcomes.ShouldNotBeNull().Select(o => (o.Gate, o.Verdict)).ShouldBe([
            ("protected", GateVerdict.Allow), ("ot-safety", GateVerdict.Allow), ("change-window", GateVerdict.Allow),
            ("limits", GateVerdict.Allow), ("duplicate", GateVerdict.Allow)]);
    }

    [Fact]
    public async Task Handle_DeniedByLimits_NamesGateAndStopsThere()
    {
        var response = ResponseConfig.Default with { Limits = new LimitsConfig(MaxActiveActions: 0) };
        await Engine(response).HandleAsync(Scored(0.99), TestContext.Current.CancellationToken);
        var block = _decisions.Single(d => d.Kind == ActionKinds.FirewallBlock);
        block.Gate.ShouldBe("limits");
        block.GateOutcomes.ShouldNotBeNull().Select(o => o.Gate).ShouldBe(["protected", "ot-safety", "change-window", "limits"]);
        block.GateOutcomes![^1].Reason.ShouldNotBeNull().ShouldContain("max_active_actions 0");
    }

    [Fact]
    public async Task Handle_ConfirmWindowHold_StillSubjectToLimits()
    {
        var response = ResponseConfig.Default with { Limits = new LimitsConfig(MaxActiveActions: 1) };
        var window = Window("held", T0.AddHours(-1), T0.AddHours(1), effect: WindowEffect.Confirm);
        var harness = new EngineHarness(response, windows: [window]);
        await harness.Engine.HandleAsync(Scored(0.99, device: "10.0.0.1", id: "inc-a"), TestContext.Current.CancellationToken);
        await harness.Engine.HandleAsync(Scored(0.99, device: "10.0.0.2", id: "inc-b"), TestContext.Current.CancellationToken);
        harness.Decisions.Where(d => d.Kind == ActionKinds.FirewallBlock).Select(d => (d.State, d.Gate))
            .ShouldBe([(ActionStates.AwaitingConfirmation, "change-window"), (ActionStates.BlockedLimit, "limits")]);
    }

    [Fact]
    public async Task Handle_NewIncidentSameDevice_GetsItsOwnTicket()
    {
        var engine = Engine(ResponseConfig.Default);
        await engine.HandleAsync(Scored(0.7, id: "inc-a"), TestContext.Current.CancellationToken);
        await engine.HandleAsync(Scored(0.7, id: "inc-a", revision: 2), TestContext.Current.CancellationToken);
        await engine.HandleAsync(Scored(0.7, id: "inc-b"), TestContext.Current.CancellationToken);
        _decisions.Select(d => d.IncidentId).ShouldBe(["inc-a", "inc-b"]);
    }

    [Fact]
    public async Task Handle_ResemblesPlannedWork_NoteOnDecisionAndReason()
    {
        var window = Window("EHR upgrade", T0.AddHours(-8), T0.AddHours(-2), devices: ["10.30.0.5"]);
        var harness = new EngineHarness(ResponseConfig.Default, windows: [window]);
        await harness.Engine.HandleAsync(Scored(0.99, device: "10.30.0.5"), TestContext.Current.CancellationToken);
        var block = harness.Decisions.Single(d => d.Kind == ActionKinds.FirewallBlock);
        block.State.ShouldBe(ActionStates.DryRun);
        block.Note.ShouldBe("resembles planned work: EHR upgrade, window ended 2 h ago");
        block.Reason.ShouldEndWith("; resembles planned work: EHR upgrade, window ended 2 h ago");
    }

    private ResponseEngine Engine(ResponseConfig response, NetworkConfig? network = null, IEnumerable<IActionExecutor>? executors = null)
    {
        network ??= NetworkConfig.Default;
        var index = new ActiveActionIndex();
        var gates = ResponseGates.For(AutoRespondConfig.Default with { Network = network, Response = response }, index);
        return new ResponseEngine(response, new LadderPlanner(response, network), gates, index, new InProcessDispatcher(executors ?? []),
            _ledger, new Observer(_decisions));
    }

    private sealed class RecordingExecutor(string kind, bool applies) : IActionExecutor
    {
        public List<string> Applied { get; } = [];

        public string Kind => kind;

        public string Name => "test-" + kind;

        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
        {
            Applied.Add(action.ActionId);
            return ValueTask.FromResult(new DispatchOutcome(applies, applies ? "applied" : "target answered 503 after 3 retries"));
        }
    }

    private sealed class Observer(List<ActionDecision> decisions) : IResponseObserver
    {
        public void OnAction(ActionDecision decision) => decisions.Add(decision);
    }
}
