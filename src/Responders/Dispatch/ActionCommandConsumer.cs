using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;
using MassTransit;

namespace AutoRespond.Responders.Dispatch;

/// <summary>
/// A responder worker's side of the per-kind queues: applies or reverts with this process's executors (through the
/// <see cref="InProcessDispatcher"/>, which never throws for an executor's failure) and answers with the outcome.
/// </summary>
public sealed class ActionCommandConsumer(InProcessDispatcher executors, string worker)
    : IConsumer<ApplyAction>, IConsumer<RevertActionRequest>
{
    public async Task Consume(ConsumeContext<ApplyAction> context)
    {
        var m = context.Message;
        var h = m.Header;
        using var activity = AutoRespondTelemetry.Source.StartActivity("action.apply");
        activity?.SetTag("autorespond.action", h.ActionId).SetTag("autorespond.kind", h.Kind).SetTag("autorespond.incident", h.IncidentId);
        var planned = new PlannedAction(h.ActionId, m.Incident, h.Kind, h.Target, m.StepIndex, m.StepMinScore, m.Duration, h.RequestedAt, m.User);
        var outcome = await executors.DispatchAsync(planned, context.CancellationToken);
        activity?.SetTag("autorespond.applied", outcome.Applied);
        AutoRespondTelemetry.ActionsApplied.Add(1, new KeyValuePair<string, object?>("kind", h.Kind), new KeyValuePair<string, object?>("applied", outcome.Applied));
        await context.RespondAsync(new ActionOutcome(h.ActionId, outcome.Applied, outcome.Detail, worker));
    }

    public async Task Consume(ConsumeContext<RevertActionRequest> context)
    {
        var revert = context.Message.Revert;
        using var activity = AutoRespondTelemetry.Source.StartActivity("action.revert");
        activity?.SetTag("autorespond.action", revert.Header.ActionId).SetTag("autorespond.kind", revert.Header.Kind);
        var outcome = await executors.RevertAsync(revert, context.CancellationToken);
        await context.RespondAsync(new ActionOutcome(revert.Header.ActionId, outcome.Applied, outcome.Detail, worker));
    }
}
