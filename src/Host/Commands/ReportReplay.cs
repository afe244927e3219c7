using AutoRespond.Brain;
using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Output;
using AutoRespond.Host.Replay;
using AutoRespond.Reports.Building;
using AutoRespond.Responders.Engine;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Commands;

/// <summary>
/// <c>report --replay</c>: replays captures through the whole pipeline and stores what it found (incidents in the incident
/// store, decisions in the action ledger), then reads them once more with the sensor alone for the AI-usage inventory.
/// </summary>
internal static class ReportReplay
{
    public sealed record Result(DateTimeOffset? First, DateTimeOffset? Last, AiUsageReport Ai);

    public static async Task<Result> RunAsync(AutoRespondConfig config, IReadOnlyList<FileInfo> captures, ServiceProvider storage,
        CancellationToken cancellationToken)
    {
        var paths = captures.Select(c => c.FullName).ToArray();
        var collected = new Collector();
        var summary = await new ReplayPipeline(config, collected).RunAsync(paths, null, cancellationToken);
        var incidents = storage.GetRequiredService<IIncidentStore>();
        foreach (var incident in collected.Incidents) await incidents.UpsertAsync(incident, cancellationToken);
        var recorder = new LedgerActionRecorder(storage.GetRequiredService<IActionLedger>(), policyVersion: 0);
        foreach (var decision in collected.Actions) await recorder.RecordAsync(decision, cancellationToken);

        var inventory = AiUsageInventory.For(config);
        var sensor = new SensorEngine(new SensorOptions(), new InventorySink(inventory));
        using (var reader = MergedCaptureReader.Open(paths))
        {
            while (reader.TryReadNext(out var packet)) sensor.Process(packet);
        }
        sensor.Complete();
        var ai = inventory.Snapshot();
        await AiUsageStore.SaveAsync(storage.GetRequiredService<IBaselineStore>(), ai, cancellationToken);
        return new Result(summary.FirstPacket, summary.LastPacket, ai);
    }

    private sealed class Collector : IReplayOutput
    {
        public List<IncidentScored> Incidents { get; } = [];

        public List<ActionDecision> Actions { get; } = [];

        public void OnBreach(Breach breach) { }

        public void OnIncident(IncidentScored incident) => Incidents.Add(incident);

        public void OnAction(ActionDecision decision) => Actions.Add(decision);

        public void Complete(ReplaySummary summary) { }

        public void Dispose() { }
    }

    private sealed class InventorySink(AiUsageInventory inventory) : INetworkEventSink
    {
        public void Publish(NetworkEvent networkEvent) => inventory.Observe(networkEvent);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }
}
