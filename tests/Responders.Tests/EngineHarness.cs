using AutoRespond.Configuration;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Tests;

/// <summary>A response engine over a config, recording decisions in memory.</summary>
internal sealed class EngineHarness
{
    public EngineHarness(ResponseConfig response, NetworkConfig? network = null, IReadOnlyList<WindowConfig>? windows = null,
        IActionDispatcher? dispatcher = null, EscalationOptions? escalation = null)
    {
        network ??= NetworkConfig.Default;
        var config = AutoRespondConfig.Default with { Network = network, Response = response, Windows = windows ?? [] };
        Offenders = new OffenderHistory(escalation ?? EscalationOptions.Off);
        Engine = new ResponseEngine(response, new LadderPlanner(response, network), ResponseGates.For(config, Index), Index,
            dispatcher ?? new InProcessDispatcher([]), Recorder, new Observer(Decisions), Offenders);
    }

    public ActiveActionIndex Index { get; } = new();

    public InMemoryActionRecorder Recorder { get; } = new();

    public List<ActionDecision> Decisions { get; } = [];

    public OffenderHistory Offenders { get; }

    public ResponseEngine Engine { get; }

    private sealed class Observer(List<ActionDecision> decisions) : IResponseObserver
    {
        public void OnAction(ActionDecision decision) => decisions.Add(decision);
    }
}
