using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Policy;

namespace AutoRespond.Responders.Engine;

/// <summary>
/// Turns incidents into graduated actions: the ladder plans, repeat offenders get escalated durations, the
/// gates rule in order, the mode decides between dry-run, confirmation and execution, and every decision is
/// recorded before it is announced. A re-published incident re-plans; an action whose decision has not
/// changed is not recorded again. The policy (mode and ladder) is read from the <see cref="PolicyProvider"/> once
/// per incident, so a policy swapped in by <c>PolicyChanged</c> applies from the next incident on; every decision
/// carries the version it was made under.
/// </summary>
public sealed class ResponseEngine(
    PolicyProvider policy,
    LadderPlanner planner,
    IReadOnlyList<IResponseGate> gates,
    ActiveActionIndex index,
    IActionDispatcher dispatcher,
    IActionRecorder recorder,
    IResponseObserver observer,
    OffenderHistory? offenders = null)
{
    /// <summary>An engine with a fixed policy (replay, tests).</summary>
    public ResponseEngine(
        ResponseConfig response,
        LadderPlanner planner,
        IReadOnlyList<IResponseGate> gates,
        ActiveActionIndex index,
        IActionDispatcher dispatcher,
        IActionRecorder recorder,
        IResponseObserver observer,
        OffenderHistory? offenders = null)
        : this(new PolicyProvider(response), planner, gates, index, dispatcher, recorder, observer, offenders)
    {
    }

    public async ValueTask HandleAsync(IncidentScored incident, CancellationToken cancellationToken)
    {
        var current = policy.Current;
        foreach (var planned in planner.Plan(incident, incident.Time, current.Response))
        {
            var action = offenders?.Escalate(planned) ?? planned;
            var ruling = await RuleAsync(action, cancellationToken);
            if (ruling.Decision.Verdict == GateVerdict.Duplicate)
            {
                await UpdateTicketAsync(action, current, cancellationToken);
                continue;
            }
            var decision = await DecideAsync(action, ruling, current, cancellationToken);
            if (!await recorder.RecordAsync(decision, cancellationToken)) continue;
            if (decision.State is ActionStates.Executed or ActionStates.DryRun or ActionStates.AwaitingConfirmation)
                index.Add(new ActiveAction(decision.ActionId, decision.IncidentId, decision.Target, decision.Kind,
                    decision.State, decision.Time, decision.Expires, action));
            if (decision.State is ActionStates.Executed or ActionStates.DryRun)
                offenders?.Record(action.Target, action.Kind, action.Time, action.Expires);
            observer.OnAction(decision);
            if (decision.State == ActionStates.Failed && action.Kind != ActionKinds.Ticket)
                await RaiseFailureTicketAsync(action, decision, current, cancellationToken);
        }
    }

    /// <summary>
    /// One ticket per incident, kept current: a grown incident re-sends its executed ticket, which the ticketing executors
    /// turn into an update (or "already in place" when nothing they show changed). The ledger keeps the one action.
    /// </summary>
    private async ValueTask UpdateTicketAsync(PlannedAction action, ActivePolicy current, CancellationToken cancellationToken)
    {
        if (action.Kind != ActionKinds.Ticket || current.Response.Mode != ResponseMode.Autonomous) return;
        if (index.FindById(action.ActionId) is not { State: ActionStates.Executed }) return;
        await dispatcher.DispatchAsync(action, cancellationToken);
    }

    /// <summary>
    /// An action that failed after the executors' retries is never dropped silently: a ticket says so (its own action
    /// id, <c>{action}-failure</c>, so a redelivered incident does not open a second one). It passes no gate: a failure
    /// must reach a person even inside a window. Without a ticketing integration the ticket fails too, and both stay in the ledger.
    /// </summary>
    private async ValueTask RaiseFailureTicketAsync(PlannedAction failed, ActionDecision decision, ActivePolicy current,
        CancellationToken cancellationToken)
    {
        var ticket = failed with { ActionId = failed.ActionId + "-failure", Kind = ActionKinds.Ticket, Duration = null, Escalation = null };
        var outcome = await dispatcher.DispatchAsync(ticket, cancellationToken);
        string reason = $"{failed.Kind} action {failed.ActionId} failed ({decision.Reason}); ticket raised: {outcome.Detail}";
        var record = new ActionDecision(ticket.ActionId, ticket.Incident.Id, ticket.Kind, ticket.Target,
            outcome.Applied ? ActionStates.Executed : ActionStates.Failed, ticket.Time, null, null, reason, null,
            ticket.StepIndex, null, [])
        {
            PolicyVersion = current.Version,
        };
        if (await recorder.RecordAsync(record, cancellationToken))
            observer.OnAction(record);
    }

    /// <summary>
    /// Runs the gates in order. A deny or duplicate ends the run; a hold is remembered and the later gates
    /// still run, so a held action cannot pass a limit or duplicate a live one. Every ruling is kept.
    /// </summary>
    private async ValueTask<Ruling> RuleAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var outcomes = new List<GateOutcome>(gates.Count);
        (GateDecision Decision, string Gate)? hold = null;
        string? note = null;
        foreach (var gate in gates)
        {
            var decision = await gate.EvaluateAsync(action, cancellationToken);
            outcomes.Add(new GateOutcome(gate.Name, decision.Verdict, decision.Reason ?? decision.Note));
            note ??= decision.Note;
            switch (decision.Verdict)
            {
                case GateVerdict.Deny or GateVerdict.Duplicate:
                    return new Ruling(decision, gate.Name, note, outcomes);
                case GateVerdict.Hold:
                    hold ??= (decision, gate.Name);
                    break;
            }
        }
        return hold is { } held
            ? new Ruling(held.Decision, held.Gate, note, outcomes)
            : new Ruling(GateDecision.Allow, null, note, outcomes);
    }

    private async ValueTask<ActionDecision> DecideAsync(PlannedAction action, Ruling ruling, ActivePolicy current,
        CancellationToken cancellationToken)
    {
        string step = string.Create(CultureInfo.InvariantCulture,
            $"incident score {action.Incident.Score:0.00} reached ladder step {action.StepIndex + 1} (min_score {action.StepMinScore:0.00})");
        if (action.Escalation is { } escalation) step += "; " + escalation;
        var gate = ruling.Decision;
        (string state, string reason, string? undo) = gate.Verdict switch
        {
            GateVerdict.Deny or GateVerdict.Hold => (gate.State!, $"{step}; {gate.Reason}", null),
            _ => current.Response.Mode switch
            {
                ResponseMode.DryRun => (ActionStates.DryRun, $"{step}; dry-run mode, nothing sent", null),
                ResponseMode.Confirm => (ActionStates.AwaitingConfirmation, $"{step}; confirm mode, waiting for an analyst", null),
                _ => await ExecuteAsync(action, step, cancellationToken),
            },
        };
        if (ruling.Note is { } note) reason += "; " + note;
        return new ActionDecision(action.ActionId, action.Incident.Id, action.Kind, action.Target, state, action.Time,
            action.Expires, gate.Window, reason, ruling.Gate, action.StepIndex, ruling.Note, ruling.Outcomes)
        {
            PolicyVersion = current.Version,
            UndoState = undo,
        };
    }

    private async ValueTask<(string, string, string?)> ExecuteAsync(PlannedAction action, string step, CancellationToken cancellationToken)
    {
        var outcome = await dispatcher.DispatchAsync(action, cancellationToken);
        return outcome.Applied
            ? (ActionStates.Executed, $"{step}; {outcome.Detail}", outcome.UndoState)
            : (ActionStates.Failed, $"{step}; {outcome.Detail}", null);
    }

    private sealed record Ruling(GateDecision Decision, string? Gate, string? Note, IReadOnlyList<GateOutcome> Outcomes);
}
