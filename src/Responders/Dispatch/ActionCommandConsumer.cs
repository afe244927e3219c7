using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoRespond.Responders.Dispatch;

/// <summary>
/// A responder worker's side of the per-kind queues: applies or reverts with this process's executors (through the
/// <see cref="InProcessDispatcher"/>, which never throws for an executor's failure) and answers with the outcome.
/// </summary>
public sealed partial class ActionCommandConsumer(InProcessDispatcher executors, string worker, ILogger? log = null)
    : IConsumer<ApplyAction>, IConsumer<RevertActionRequest>
{
    private readonly ILogger _log = log ?? NullLogger.Instance;

    public async Task Consume(ConsumeContext<ApplyAction> context)
    {
        var m = context.Message;
        var h = m.Header;
        using var activity = AutoRespondTelemetry.Source.StartActivity("action.apply");
        activity?.SetTag("autorespond.action", h.ActionId).SetTag("autorespond.kind", h.Kind).SetTag("autorespond.incident", h.IncidentId);
        var planned = new PlannedAction(h.ActionId, m.Incident, h.Kind, h.Target, m.StepIndex, m.StepMinScore, m.Duration, h.RequestedAt, m.User);
        LogApplying(_log, worker, h.ActionId, h.Kind, h.Target, context.GetRedeliveryCount() > 0 || context.ReceiveContext.Redelivered);
        var outcome = await executors.DispatchAsync(planned, context.CancellationToken);
        LogApplied(_log, worker, h.ActionId, h.Kind, outcome.Applied);
        activity?.SetTag("autorespond.applied", outcome.Applied);
        AutoRespondTelemetry.ActionsApplied.Add(1, new KeyValuePair<string, object?>("kind", h.Kind), new KeyValuePair<string, object?>("applied", outcome.Applied));
        await context.RespondAsync(new ActionOutcome(h.ActionId, outcome.Applied, outcome.Detail, worker, outcome.UndoState));
    }

    public async Task Consume(ConsumeContext<RevertActionRequest> context)
    {
        var revert = context.Message.Revert;
        using var activity = AutoRespondTelemetry.Source.StartActivity("action.revert");
        activity?.SetTag("autorespond.action", revert.Header.ActionId).SetTag("autorespond.kind", revert.Header.Kind);
        var outcome = await executors.RevertAsync(revert, context.CancellationToken);
        await context.RespondAsync(new ActionOutcome(revert.Header.ActionId, outcome.Applied, outcome.Detail, worker));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Worker}: applying {ActionId} ({Kind}) against {Target} (redelivered: {Redelivered})")]
    private static partial void LogApplying(ILogger log, string worker, string actionId, string kind, string target, bool redelivered);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Worker}: {ActionId} ({Kind}) applied: {Applied}")]
    private static partial void LogApplied(ILogger log, string worker, string actionId, string kind, bool applied);
}
