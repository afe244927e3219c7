using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Engine;

/// <summary>
/// Turns incidents into graduated actions: the ladder plans, the gates rule in order, the mode decides
/// between dry-run, confirmation and execution, and every decision is recorded before it is announced.
/// A re-published incident re-plans; an action whose decision has not changed is not recorded again.
/// </summary>
public sealed class ResponseEngine(
    ResponseConfig response,
    LadderPlanner planner,
    IReadOnlyList<IResponseGate> gates,
    ActiveActionIndex index,
    IActionDispatcher dispatcher,
    IActionRecorder recorder,
    IResponseObserver observer)
{
    public async ValueTask HandleAsync(IncidentScored incident, CancellationToken cancellationToken)
    {
        foreach (var action in planner.Plan(incident, incident.Time))
        {
            var ruling = await RuleAsync(action, cancellationToken);
            if (ruling.Decision.Verdict == GateVerdict.Duplicate) continue;
            var decision = await DecideAsync(action, ruling.Decision, ruling.Gate, cancellationToken);
            if (!await recorder.RecordAsync(decision, cancellationToken)) continue;
            if (decision.State is ActionStates.Executed or ActionStates.DryRun or ActionStates.AwaitingConfirmation)
                index.Add(new ActiveAction(decision.ActionId, decision.IncidentId, decision.Target, decision.Kind,
                    decision.State, decision.Time, decision.Expires));
            observer.OnAction(decision);
        }
    }

    private async ValueTask<(GateDecision Decision, string? Gate)> RuleAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        foreach (var gate in gates)
        {
            var decision = await gate.EvaluateAsync(action, cancellationToken);
            if (decision.Verdict != GateVerdict.Allow) return (decision, gate.Name);
        }
        return (GateDecision.Allow, null);
    }

    private async ValueTask<ActionDecision> DecideAsync(PlannedAction action, GateDecision ruling, string? gate,
        CancellationToken cancellationToken)
    {
        string step = string.Create(CultureInfo.InvariantCulture,
            $"incident score {action.Incident.Score:0.00} reached ladder step {action.StepIndex + 1} (min_score {action.StepMinScore:0.00})");
        (string state, string reason) = ruling.Verdict switch
        {
            GateVerdict.Deny or GateVerdict.Hold => (ruling.State!, $"{step}; {ruling.Reason}"),
            _ => response.Mode switch
            {
                ResponseMode.DryRun => (ActionStates.DryRun, $"{step}; dry-run mode, nothing sent"),
                ResponseMode.Confirm => (ActionStates.AwaitingConfirmation, $"{step}; confirm mode, waiting for an analyst"),
                _ => await ExecuteAsync(action, step, cancellationToken),
            },
        };
        return new ActionDecision(action.ActionId, action.Incident.Id, action.Kind, action.Target, state, action.Time,
            action.Expires, ruling.Window, reason, gate, action.StepIndex);
    }

    private async ValueTask<(string, string)> ExecuteAsync(PlannedAction action, string step, CancellationToken cancellationToken)
    {
        var outcome = await dispatcher.DispatchAsync(action, cancellationToken);
        return outcome.Applied
            ? (ActionStates.Executed, $"{step}; {outcome.Detail}")
            : (ActionStates.Failed, $"{step}; {outcome.Detail}");
    }
}
