using AutoRespond.Brain;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Host.Roles;

/// <summary>
/// One brain partition behind the bus: applies each sensor batch once (batches are numbered per sensor stream; a
/// redelivered batch is not learnt twice) and hands back the incidents it produced until they are confirmed published,
/// so a broker outage between learning and publishing loses no incident. Not thread safe: its consumer runs one batch
/// at a time.
/// </summary>
public sealed class BrainWorker : IBrainObserver
{
    private readonly Dictionary<string, long> _applied = new(StringComparer.Ordinal);
    private readonly List<IncidentScored> _produced = [];
    private (string Stream, long Sequence, IReadOnlyList<IncidentScored> Incidents)? _unpublished;

    public BrainWorker(AutoRespondConfig config) =>
        Engine = new BrainEngine(BrainOptions.From(config), config.Network, BrainEngine.DefaultModels(), this);

    public BrainEngine Engine { get; }

    public long Batches { get; private set; }

    public long DuplicateBatches { get; private set; }

    /// <summary>The incidents to publish for this batch: new ones, or those of a redelivered batch not yet confirmed.</summary>
    public IReadOnlyList<IncidentScored> Accept(NetworkEventBatch batch)
    {
        if (_applied.TryGetValue(batch.SensorId, out var last) && batch.Sequence <= last)
        {
            DuplicateBatches++;
            return _unpublished is { } u && u.Stream == batch.SensorId && u.Sequence == batch.Sequence ? u.Incidents : [];
        }
        _produced.Clear();
        foreach (var e in batch.Events)
            Engine.Process(e);
        _applied[batch.SensorId] = batch.Sequence;
        Batches++;
        var incidents = _produced.ToArray();
        _unpublished = (batch.SensorId, batch.Sequence, incidents);
        return incidents;
    }

    /// <summary>The batch's incidents reached the broker.</summary>
    public void Published(NetworkEventBatch batch)
    {
        if (_unpublished is { } u && u.Stream == batch.SensorId && u.Sequence == batch.Sequence)
            _unpublished = null;
    }

    void IBrainObserver.OnBreach(Breach breach) { }

    void IBrainObserver.OnIncident(IncidentScored incident) => _produced.Add(incident);
}
