using AutoRespond.Brain.Correlation;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Models;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain;

/// <summary>Where the brain's findings go: breaches as they happen, and every new revision of an incident.</summary>
public interface IBrainObserver
{
    void OnBreach(Breach breach);

    void OnIncident(IncidentScored incident);
}

/// <summary>
/// The brain: device registry, models and correlator, driven by events in event-time order. Not thread
/// safe; one instance owns a partition of devices.
/// </summary>
public sealed class BrainEngine
{
    private readonly BrainContext _context;
    private readonly IReadOnlyList<IAnomalyModel> _models;
    private readonly IncidentCorrelator _correlator;
    private readonly IBrainObserver _observer;

    public BrainEngine(BrainOptions options, NetworkConfig network, IEnumerable<IAnomalyModel> models, IBrainObserver observer)
    {
        Devices = new DeviceRegistry(network);
        _context = new BrainContext(Devices, options);
        _models = models.ToArray();
        _correlator = new IncidentCorrelator(options, Devices);
        _observer = observer;
    }

    public DeviceRegistry Devices { get; }

    public long EventsProcessed { get; private set; }

    /// <summary>The models every brain runs by default.</summary>
    public static IReadOnlyList<IAnomalyModel> DefaultModels() => [new MultipleFailedInternalConnectionsModel()];

    public void Process(NetworkEvent e)
    {
        EventsProcessed++;
        _context.Advance(e.Time);
        Devices.Observe(e);
        foreach (var model in _models) model.Observe(e, _context);
        foreach (var breach in _context.TakePending())
        {
            _observer.OnBreach(breach);
            _observer.OnIncident(_correlator.Add(breach));
        }
    }
}
