using System.Net;
using AutoRespond.Brain.Correlation;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Models;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
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
    private readonly IAnomalyModel[] _models;
    private readonly IAnomalyModel[][] _readers;
    private readonly IncidentCorrelator _correlator;
    private readonly IBrainObserver _observer;
    private readonly Func<string, DateTimeOffset, bool>? _insideWindow;

    public BrainEngine(BrainOptions options, NetworkConfig network, IEnumerable<IAnomalyModel> models, IBrainObserver observer)
    {
        Devices = new DeviceRegistry(network);
        _context = new BrainContext(Devices, options);
        _models = models.ToArray();
        _readers = new IAnomalyModel[EventKindOf.Count][];
        for (int kind = 0; kind < EventKindOf.Count; kind++)
            _readers[kind] = Array.FindAll(_models, m => (m.Reads & (EventKinds)(1 << kind)) != 0);
        _correlator = new IncidentCorrelator(options, Devices);
        _observer = observer;
        _insideWindow = options.IsInsideWindow ?? (options.Windows.Count > 0 ? InsideConfiguredWindow : null);
    }

    public DeviceRegistry Devices { get; }

    public long EventsProcessed { get; private set; }

    /// <summary>The models every brain runs by default: the twelve of CONTRACT.md §4, unusual-data-transfer and the three AI models (issue 9).</summary>
    public static IReadOnlyList<IAnomalyModel> DefaultModels() =>
    [
        new NewDeviceUnusualActivityModel(),
        new SslNoSniNewExternalModel(),
        new RareExternalSelfSignedModel(),
        new UnusualAdminRdpModel(),
        new MultipleFailedInternalConnectionsModel(),
        new PossibleIcsProtocolModel(),
        new ItToIcsConnectionModel(),
        new FailedConnectionsToIcsDeviceModel(),
        new NewIcsDiscoverCommandsModel(),
        new NewIcsActionCommandsModel(),
        new UncommonIcsReprogramModel(),
        new UnusualIcsConnectivityModel(),
        new UnusualDataTransferModel(),
        new ShadowAiUsageModel(),
        new AiDataUploadModel(),
        new McpActivityModel(),
    ];

    public void Process(NetworkEvent e)
    {
        EventsProcessed++;
        _context.Advance(e.Time);
        _context.Frozen = _insideWindow is not null && IsFrozen(e);
        Devices.Observe(e, _context.Learns);
        foreach (var model in _readers[EventKindOf.Index(EventKindOf.Of(e))]) model.Observe(e, _context);
        if (_context.Learns) LearnShared(e);
        if (!_context.HasPending) return;
        foreach (var breach in _context.TakePending())
        {
            _observer.OnBreach(breach);
            _observer.OnIncident(_correlator.Add(breach));
        }
    }

    /// <summary>All baseline state (devices, roles, counts, windows, cool-downs) as a serialisable record graph.</summary>
    public BrainSnapshot Export()
    {
        var states = new List<StateSnapshot>(_models.Length + 2) { _context.Export(), Devices.ExportState() };
        foreach (var model in _models) states.Add(new StateSnapshot(model.Id, model.Export()));
        return new BrainSnapshot(BrainSnapshot.CurrentVersion, _context.FirstEvent, _context.Now, Devices.ExportDevices(), states);
    }

    /// <summary>Restores a snapshot taken by <see cref="Export"/>; call before processing events.</summary>
    public void Import(BrainSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Version != BrainSnapshot.CurrentVersion)
            throw new NotSupportedException($"brain snapshot version {snapshot.Version} is not supported");
        StateSnapshot? Find(string owner)
        {
            foreach (var s in snapshot.States) if (string.Equals(s.Owner, owner, StringComparison.Ordinal)) return s;
            return null;
        }
        _context.Import(snapshot, Find("context"));
        Devices.Import(snapshot.Devices, Find("registry"));
        foreach (var model in _models) model.Import(Find(model.Id) ?? new StateSnapshot(model.Id, []));
    }

    /// <summary>External contacts and device activity feed endpoint rarity (DETECTION.md §2.0 "Rare").</summary>
    private void LearnShared(NetworkEvent e)
    {
        var external = _context.External;
        switch (e)
        {
            case FlowObserved { Flow: var flow }:
                var orig = Devices.Find(flow.OrigIp);
                if (orig is null) return;
                external.Active(orig.Id, e.Time);
                if (Devices.Find(flow.RespIp) is { } resp)
                {
                    // A responder is active only if it answered (a scanned empty address is not a device).
                    if (flow.RespPkts > 0) external.Active(resp.Id, e.Time);
                }
                else if (Devices.IsExternal(flow.RespIp))
                {
                    external.Contact(ExternalRarity.IpKey(flow.RespIp), orig.Id, e.Time);
                    external.Contact(external.NetworkKey(flow.RespIp), orig.Id, e.Time);
                }
                break;
            case TlsHelloSeen hello when Devices.IsExternal(hello.Server):
                if (Devices.Find(hello.Client) is not { } client) return;
                external.Contact(ExternalRarity.IpKey(hello.Server), client.Id, e.Time);
                external.Contact(external.NetworkKey(hello.Server), client.Id, e.Time);
                if (hello.Sni is { Length: > 0 } sni) external.Contact(ExternalRarity.NameKey(sni), client.Id, e.Time);
                break;
            case TlsCertificateSeen cert when Devices.IsExternal(cert.Server):
                if (Devices.Find(cert.Client) is { } tlsClient && Certificates.CommonName(cert.Subject) is { } cn)
                    external.Contact(ExternalRarity.NameKey(cn), tlsClient.Id, e.Time);
                break;
        }
    }

    private bool IsFrozen(NetworkEvent e) => e switch
    {
        FlowObserved { Flow: var f } => Inside(f.OrigIp, e.Time) || Inside(f.RespIp, e.Time),
        TlsHelloSeen h => Inside(h.Client, e.Time) || Inside(h.Server, e.Time),
        TlsCertificateSeen c => Inside(c.Client, e.Time) || Inside(c.Server, e.Time),
        RdpRequestSeen r => Inside(r.Client, e.Time) || Inside(r.Server, e.Time),
        IcsCommandSeen i => Inside(i.Client, e.Time) || Inside(i.Server, e.Time),
        DeviceSeen d => Inside(d.Ip, e.Time),
        DhcpSeen { AssignedIp: { } ip } => Inside(ip, e.Time),
        _ => false,
    };

    private bool Inside(string ip, DateTimeOffset time) => Devices.IsInternal(ip) && _insideWindow!(ip, time);

    /// <summary>The default evaluator: each configured window as its [Start, End) interval, scoped by devices and zones.</summary>
    private bool InsideConfiguredWindow(string ip, DateTimeOffset time)
    {
        foreach (var window in _context.Options.Windows)
        {
            if (time < window.Start || time >= window.End) continue;
            var scope = window.Scope;
            if (scope.Devices.Count == 0 && scope.Zones.Count == 0) return true;
            if (!IPAddress.TryParse(ip, out var address)) continue;
            foreach (var network in scope.Devices)
                if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address)) return true;
            string? zone = Devices.Find(ip)?.Zone?.Name ?? Devices.Network.ZoneOf(address, null)?.Name;
            if (zone is not null)
                foreach (string name in scope.Zones)
                    if (string.Equals(name, zone, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
