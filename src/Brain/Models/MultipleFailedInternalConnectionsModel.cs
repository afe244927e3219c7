using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.5. Feature: U = distinct (host, port) internal targets a device failed to reach in a
/// sliding 10-minute window. Model: Gamma–Poisson on the device's own per-window U, with a prior from its
/// zone (so young devices borrow their zone's behaviour); m = 144 windows a day. Breach: s ≥ 0.5 ∧ U ≥ 10.
/// </summary>
public sealed class MultipleFailedInternalConnectionsModel : IAnomalyModel
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const int MinTargets = 10;
    public const double WindowsPerDay = 144;

    // Prior: with nothing learnt a device is expected to fail ~1 target per active window; the prior
    // weighs as much as PriorWeight windows of the device's own history.
    private const double DefaultRate = 1.0;
    private const double PriorWeight = 2.0;

    private readonly WindowedRate _windows = new(Window);
    private readonly Dictionary<string, HashSet<string>> _countedAtAttempt = new(StringComparer.Ordinal);

    public string Id => ModelIds.MultipleFailedInternalConnections;

    public EventKinds Reads => EventKinds.Flow;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not FlowObserved { Flow: var flow } observed) return;
        var device = context.Devices.Find(flow.OrigIp);
        if (device is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        _windows.Roll(device.Id, device.ZoneName, context.Now, halfLife, context.Learns);

        bool failed = FailedConnection.Classify(flow) != FailureKind.None
            && context.Devices.IsInternal(flow.RespIp);
        // An unanswered SYN is counted when its attempt times out; its end must not count it again.
        if (observed.Phase == FlowPhase.Ended && _countedAtAttempt.TryGetValue(device.Id, out var counted)
            && counted.Remove(flow.Uid)) return;
        if (!failed) return;
        if (observed.Phase == FlowPhase.AttemptTimedOut) Counted(device.Id).Add(flow.Uid);

        string target = flow.RespIp + ":" + flow.RespPort.ToString(CultureInfo.InvariantCulture);
        int u = _windows.Add(device.Id, target, context.Now);
        if (u < MinTargets) return;
        Score(device, u, context);
    }

    private void Score(DeviceProfile device, int u, BrainContext context)
    {
        var (alpha, beta) = _windows.Posterior(device.Id, device.ZoneName, DefaultRate, PriorWeight, context.Now,
            context.Options.BaselineHalfLife);
        double pi = GammaPoisson.UpperTail(alpha, beta, u);
        double score = Scoring.Sidak(pi, WindowsPerDay);

        var targets = _windows.Items(device.Id);
        var hosts = new SortedSet<string>(StringComparer.Ordinal);
        var ports = new HashSet<string>(StringComparer.Ordinal);
        foreach (string target in targets)
        {
            int colon = target.LastIndexOf(':');
            hosts.Add(target[..colon]);
            ports.Add(target[(colon + 1)..]);
        }
        double expected = alpha / beta;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{device.Ip} failed to connect to {u} internal targets ({hosts.Count} hosts, {ports.Count} ports) within 10 minutes; it usually fails {expected:0.#} per 10 minutes ({Scoring.FormatP(pi)}).");
        var evidence = new Dictionary<string, object>
        {
            ["failed_targets"] = u,
            ["distinct_hosts"] = hosts.Count,
            ["distinct_ports"] = ports.Count,
            ["window_minutes"] = (int)Window.TotalMinutes,
            ["expected_per_window"] = Math.Round(expected, 3),
            ["p"] = pi,
            ["sample_targets"] = targets.Take(10).ToArray(),
        };
        context.Propose(Id, device, score, summary, evidence, hosts.Take(20).ToArray());
    }

    private HashSet<string> Counted(string device)
    {
        if (!_countedAtAttempt.TryGetValue(device, out var set)) _countedAtAttempt[device] = set = new(StringComparer.Ordinal);
        return set;
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot>(_windows.Export("failed"));
        var counted = new List<SnapshotRow>();
        foreach (var (device, uids) in _countedAtAttempt)
            foreach (string uid in uids) counted.Add(new SnapshotRow(SnapshotKey.Join(device, uid)));
        tables.Add(new TableSnapshot("counted-at-attempt", counted));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _windows.Import(state, "failed");
        _countedAtAttempt.Clear();
        foreach (var row in state.Table("counted-at-attempt")?.Rows ?? [])
        {
            var parts = SnapshotKey.Split(row.Key);
            Counted(parts[0]).Add(parts[1]);
        }
    }
}
