using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.8. Failed flows (§4, hard and soft) from an internal device to an ICS port or to a device
/// that serves ICS, plus application-level failures (an ICS session the server refused). Features in a
/// sliding 10 minutes: D = distinct (ICS target, port), T = total failures. Model: Gamma–Poisson per source on
/// each (its own windows, its zone's rate as prior), combined by the harmonic mean (they are dependent);
/// m = 144. Breach: s ≥ 0.5 ∧ (D ≥ 3 ∨ T ≥ 5). Outage suppression: when at least half of a target's usual
/// clients fail to it in the window the target is down, and its usual clients' failures do not count.
/// </summary>
public sealed class FailedConnectionsToIcsDeviceModel : IAnomalyModel
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const int MinTargets = 3;
    public const int MinFailures = 5;
    public const double WindowsPerDay = 144;
    private const double DefaultRate = 0.2;
    private const double PriorWeight = 2;

    private readonly WindowedRate _targets = new(Window);
    private readonly WindowedRate _failures = new(Window);
    private readonly WindowedRate _targetClients = new(Window);
    private readonly CategoricalCounts<string> _usualClients = new(v => v, k => k);
    private readonly HashSet<string> _countedAtAttempt = new(StringComparer.Ordinal);

    public string Id => ModelIds.FailedConnectionsToIcsDevice;

    public EventKinds Reads => EventKinds.Flow | EventKinds.IcsCommand;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        switch (e)
        {
            case FlowObserved flow:
                OnFlow(flow, context);
                break;
            case IcsCommandSeen command when IcsSemantics.Failed(command) && string.Equals(command.Class, "session", StringComparison.OrdinalIgnoreCase):
                if (context.Devices.Find(command.Client) is { } client && context.Devices.Find(command.Server) is { } server)
                    OnFailure(client, server, command.ServerPort, command.FlowUid + "/app", context);
                break;
        }
    }

    private void OnFlow(FlowObserved observed, BrainContext context)
    {
        var flow = observed.Flow;
        var client = context.Devices.Find(flow.OrigIp);
        var server = context.Devices.Find(flow.RespIp);
        if (client is null || server is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        bool learn = context.Learns;
        _targets.Roll(client.Id, client.ZoneName, context.Now, halfLife, learn);
        _failures.Roll(client.Id, client.ZoneName, context.Now, halfLife, learn);
        bool ics = IcsPorts.IsIcsPort(flow.Proto, flow.RespPort) || server.IcsServerSince is not null;
        if (!ics) return;
        if (observed.Phase == FlowPhase.Ended && _countedAtAttempt.Remove(flow.Uid)) return;
        var kind = FailedConnection.Classify(flow);
        if (kind == FailureKind.None)
        {
            if (learn && observed.Phase == FlowPhase.Ended && flow.History.Contains('d'))
                _usualClients.Add(server.Id, client.Id, context.Now, halfLife, TimeSpan.FromHours(1));
            return;
        }
        if (observed.Phase == FlowPhase.AttemptTimedOut) _countedAtAttempt.Add(flow.Uid);
        OnFailure(client, server, flow.RespPort, flow.Uid, context);
    }

    private void OnFailure(DeviceProfile client, DeviceProfile server, int port, string uid, BrainContext context)
    {
        _targetClients.Roll(server.Id, "", context.Now, context.Options.BaselineHalfLife, learn: false);
        _targetClients.Add(server.Id, client.Id, context.Now);
        if (TargetDown(client, server, context)) return;
        int d = _targets.Add(client.Id, server.Ip + ":" + port.ToString(CultureInfo.InvariantCulture), context.Now);
        int t = _failures.Add(client.Id, uid, context.Now);
        if (d < MinTargets && t < MinFailures) return;

        var halfLife = context.Options.BaselineHalfLife;
        var (aD, bD) = _targets.Posterior(client.Id, client.ZoneName, DefaultRate, PriorWeight, context.Now, halfLife);
        var (aT, bT) = _failures.Posterior(client.Id, client.ZoneName, DefaultRate, PriorWeight, context.Now, halfLife);
        double piD = GammaPoisson.UpperTail(aD, bD, d), piT = GammaPoisson.UpperTail(aT, bT, t);
        double pi = PValues.HarmonicMean([piD, piT]);
        double score = Scoring.Sidak(pi, WindowsPerDay);
        if (score < Scoring.BreachThreshold) return;

        var targets = _targets.Items(client.Id);
        var hosts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string target in targets) hosts.Add(target[..target.LastIndexOf(':')]);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{client.Ip} failed {t} times to reach {d} ICS targets ({hosts.Count} hosts) within 10 minutes; it usually fails {aD / bD:0.##} ICS targets per 10 minutes ({Scoring.FormatP(pi)}).");
        var evidence = new Dictionary<string, object>
        {
            ["failed_ics_targets"] = d,
            ["failures"] = t,
            ["distinct_hosts"] = hosts.Count,
            ["window_minutes"] = (int)Window.TotalMinutes,
            ["expected_targets_per_window"] = Math.Round(aD / bD, 3),
            ["p"] = pi,
            ["sample_targets"] = targets.Take(10).ToArray(),
        };
        context.Propose(Id, client, score, summary, evidence, hosts.Take(20).ToArray());
    }

    /// <summary>Outage: the client usually reaches the target, and at least half of the target's usual clients now fail to it.</summary>
    private bool TargetDown(DeviceProfile client, DeviceProfile server, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        if (_usualClients.Count(server.Id, client.Id, context.Now, halfLife) < 0.5) return false;
        int usual = 0, failing = 0;
        var failingClients = _targetClients.Items(server.Id);
        foreach (var (usualClient, count) in _usualClients.Values(server.Id, context.Now, halfLife))
        {
            if (count < 0.5) continue;
            usual++;
            if (failingClients.Contains(usualClient)) failing++;
        }
        return usual > 0 && failing * 2 >= usual;
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot>();
        tables.AddRange(_targets.Export("targets"));
        tables.AddRange(_failures.Export("failures"));
        tables.AddRange(_targetClients.Export("target-clients"));
        tables.AddRange(_usualClients.Export("usual-clients"));
        tables.Add(SnapshotSet.Export("counted-at-attempt", _countedAtAttempt));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _targets.Import(state, "targets");
        _failures.Import(state, "failures");
        _targetClients.Import(state, "target-clients");
        _usualClients.Import(state, "usual-clients");
        SnapshotSet.Import(state, "counted-at-attempt", _countedAtAttempt);
    }
}
