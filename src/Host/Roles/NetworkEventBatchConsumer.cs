using AutoRespond.Contracts;
using AutoRespond.Storage;
using MassTransit;

namespace AutoRespond.Host.Roles;

/// <summary>
/// The brain's entry point: learn the batch, store each incident revision (when storage is configured) and publish it
/// to the responders. The message is acknowledged only after every publish was confirmed by the broker.
/// </summary>
public sealed class NetworkEventBatchConsumer(BrainWorker worker, IIncidentStore? incidents = null) : IConsumer<NetworkEventBatch>
{
    public async Task Consume(ConsumeContext<NetworkEventBatch> context)
    {
        using var activity = AutoRespondTelemetry.Source.StartActivity("brain.learn-batch");
        activity?.SetTag("autorespond.batch", $"{context.Message.SensorId}#{context.Message.Sequence}");
        IReadOnlyList<IncidentScored> produced;
        lock (worker)
            produced = worker.Accept(context.Message);
        activity?.SetTag("autorespond.incidents", produced.Count);
        AutoRespondTelemetry.BatchesLearnt.Add(1);
        foreach (var incident in produced)
        {
            if (incidents is not null)
                await incidents.UpsertAsync(incident, context.CancellationToken);
            await context.Publish(incident, context.CancellationToken);
            AutoRespondTelemetry.IncidentsPublished.Add(1);
        }
        lock (worker)
            worker.Published(context.Message);
    }
}
