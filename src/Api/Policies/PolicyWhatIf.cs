using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Policy;
using AutoRespond.Responders.WhatIf;
using AutoRespond.Responders.Windows;
using AutoRespond.Storage;

namespace AutoRespond.Api.Policies;

/// <summary>
/// What-if against stored incidents: the latest revision of every stored incident in range, oldest first, goes
/// through two fresh engines (the policy in force and the proposed one) with the same gates and change windows;
/// nothing is sent or stored (a dispatcher that pretends every action applied). The actions whose final state
/// differs are returned (<see cref="ActionComparison"/>).
/// </summary>
internal sealed class PolicyWhatIf(IIncidentStore incidents, AutoRespondConfig config, PolicyProvider policy, ChangeWindowEvaluator windows)
{
    public const int MaxIncidents = 2000;

    public async Task<WhatIfResult> RunAsync(ResponseConfig proposed, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var stored = await incidents.ListAsync(from ?? DateTimeOffset.MinValue, to ?? DateTimeOffset.MaxValue, 0, MaxIncidents, cancellationToken);
        var ordered = stored.Select(r => r.Latest).OrderBy(i => i.Time).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var current = policy.Current;
        var a = await DecideAsync(current.Response, ordered, cancellationToken);
        var b = await DecideAsync(proposed, ordered, cancellationToken);
        return new WhatIfResult(ordered.Count, current.Version, ActionComparison.Compare(a, b));
    }

    private async Task<IReadOnlyList<ActionDecision>> DecideAsync(ResponseConfig response, IReadOnlyList<IncidentScored> list,
        CancellationToken cancellationToken)
    {
        var index = new ActiveActionIndex();
        var collector = new Collector();
        var engine = new ResponseEngine(response, new LadderPlanner(response, config.Network, config.Integrations.Users),
            ResponseGates.For(config with { Response = response }, index, windows, new PolicyProvider(response)), index,
            new PretendDispatcher(), new InMemoryActionRecorder(), collector);
        foreach (var incident in list) await engine.HandleAsync(incident, cancellationToken);
        return collector.Decisions;
    }

    private sealed class Collector : IResponseObserver
    {
        public List<ActionDecision> Decisions { get; } = [];

        public void OnAction(ActionDecision decision) => Decisions.Add(decision);
    }

    private sealed class PretendDispatcher : IActionDispatcher
    {
        public ValueTask<DispatchOutcome> DispatchAsync(PlannedAction action, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DispatchOutcome(true, "what-if: not sent"));

        public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new DispatchOutcome(true, "what-if: not sent"));
    }
}
