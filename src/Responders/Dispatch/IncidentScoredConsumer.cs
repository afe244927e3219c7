using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using MassTransit;

namespace AutoRespond.Responders.Dispatch;

/// <summary>The responder's entry point on the bus: every incident revision goes through the response engine.</summary>
public sealed class IncidentScoredConsumer(ResponseEngine engine) : IConsumer<IncidentScored>
{
    public async Task Consume(ConsumeContext<IncidentScored> context)
    {
        using var activity = AutoRespondTelemetry.Source.StartActivity("responder.decide");
        activity?.SetTag("autorespond.incident", context.Message.Id).SetTag("autorespond.score", context.Message.Score);
        await engine.HandleAsync(context.Message, context.CancellationToken);
    }
}

/// <summary>
/// One incident at a time: the engine's gates count live actions, so two revisions decided concurrently
/// could both pass a limit that only one of them may use.
/// </summary>
public sealed class IncidentScoredConsumerDefinition : ConsumerDefinition<IncidentScoredConsumer>
{
    public IncidentScoredConsumerDefinition() => ConcurrentMessageLimit = 1;
}
