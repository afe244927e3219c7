using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AutoRespond.Contracts;

/// <summary>
/// The pipeline's trace and metric sources. A sensor batch starts a trace; MassTransit carries its context in message
/// headers, so the brain's learning, the incident it publishes, the responder's decision, the action sent to a worker and
/// the worker's call to the target share that trace (packet → breach → incident → action → outcome).
/// </summary>
public static class AutoRespondTelemetry
{
    public const string Name = "AutoRespond";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EventsSent = Meter.CreateCounter<long>("autorespond.sensor.events_sent", "{event}", "Events the sensor sent to the brains.");

    public static readonly Counter<long> BatchesLearnt = Meter.CreateCounter<long>("autorespond.brain.batches", "{batch}", "Sensor batches a brain learnt (redeliveries excluded).");

    public static readonly Counter<long> IncidentsPublished = Meter.CreateCounter<long>("autorespond.brain.incidents_published", "{incident}", "Incident revisions published.");

    public static readonly Counter<long> ActionsApplied = Meter.CreateCounter<long>("autorespond.responder.actions", "{action}", "Actions a worker applied or reverted, by kind and outcome.");
}
