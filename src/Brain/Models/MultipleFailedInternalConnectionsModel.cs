using System.Globalization;
using AutoRespond.Brain.Devices;
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

    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateBaseline> _zones = new(StringComparer.Ordinal);

    public string Id => ModelIds.MultipleFailedInternalConnections;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not FlowObserved { Flow: var flow } observed) return;
        var device = context.Devices.Find(flow.OrigIp);
        if (device is null) return;
        var state = StateOf(device.Ip);
        var halfLife = context.Options.BaselineHalfLife;
        RollBucket(state, device, context.Now, halfLife);

        bool failed = FailedConnection.Classify(flow) != FailureKind.None
            && context.Devices.IsInternal(flow.RespIp);
        // An unanswered SYN is counted when its attempt times out; its end must not count it again.
        if (observed.Phase == FlowPhase.Ended && state.CountedAtAttempt.Remove(flow.Uid)) return;
        if (!failed) return;
        if (observed.Phase == FlowPhase.AttemptTimedOut) state.CountedAtAttempt.Add(flow.Uid);

        string target = flow.RespIp + ":" + flow.RespPort.ToString(CultureInfo.InvariantCulture);
        state.Bucket.Add(target);
        state.Recent.Enqueue((context.Now, target, flow.RespIp, flow.RespPort));
        state.RecentCounts[target] = state.RecentCounts.GetValueOrDefault(target) + 1;
        Expire(state, context.Now);

        int u = state.RecentCounts.Count;
        if (u < MinTargets) return;
        Score(device, state, u, context);
    }

    private void Score(DeviceProfile device, DeviceState state, int u, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        var zone = ZoneBaseline(device);
        double zoneRate = (zone.Failures.ValueAt(context.Now, halfLife) + DefaultRate)
            / (zone.Windows.ValueAt(context.Now, halfLife) + 1);
        double alpha = PriorWeight * zoneRate + state.Baseline.Failures.ValueAt(context.Now, halfLife);
        double beta = PriorWeight + state.Baseline.Windows.ValueAt(context.Now, halfLife);
        double pi = GammaPoisson.UpperTail(alpha, beta, u);
        double score = Scoring.Sidak(pi, WindowsPerDay);

        var hosts = new SortedSet<string>(StringComparer.Ordinal);
        var ports = new HashSet<int>();
        foreach (var (_, _, host, port) in state.Recent) { hosts.Add(host); ports.Add(port); }
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
            ["sample_targets"] = state.RecentCounts.Keys.Take(10).ToArray(),
        };
        context.Propose(Id, device, score, summary, evidence, hosts.Take(20).ToArray());
    }

    private DeviceState StateOf(string ip)
    {
        if (!_devices.TryGetValue(ip, out var state)) _devices[ip] = state = new DeviceState();
        return state;
    }

    private RateBaseline ZoneBaseline(DeviceProfile device)
    {
        string key = device.Zone?.Name ?? "";
        if (!_zones.TryGetValue(key, out var zone)) _zones[key] = zone = new RateBaseline();
        return zone;
    }

    /// <summary>Closes the device's tumbling 10-minute bucket into its baseline (and its zone's) once time passes it.</summary>
    private void RollBucket(DeviceState state, DeviceProfile device, DateTimeOffset now, TimeSpan halfLife)
    {
        if (state.BucketStart is { } start && now - start < Window) return;
        if (state.BucketStart is not null)
        {
            int count = state.Bucket.Count;
            state.Baseline.Failures.Add(count, now, halfLife);
            state.Baseline.Windows.Add(1, now, halfLife);
            var zone = ZoneBaseline(device);
            zone.Failures.Add(count, now, halfLife);
            zone.Windows.Add(1, now, halfLife);
            state.Bucket.Clear();
        }
        state.BucketStart = now;
    }

    private static void Expire(DeviceState state, DateTimeOffset now)
    {
        while (state.Recent.TryPeek(out var oldest) && now - oldest.Time > Window)
        {
            state.Recent.Dequeue();
            int left = state.RecentCounts[oldest.Target] - 1;
            if (left == 0) state.RecentCounts.Remove(oldest.Target);
            else state.RecentCounts[oldest.Target] = left;
        }
    }

    private sealed class RateBaseline
    {
        public DecayedCount Failures;
        public DecayedCount Windows;
    }

    private sealed class DeviceState
    {
        public readonly RateBaseline Baseline = new();
        public readonly HashSet<string> Bucket = new(StringComparer.Ordinal);
        public readonly Queue<(DateTimeOffset Time, string Target, string Host, int Port)> Recent = new();
        public readonly Dictionary<string, int> RecentCounts = new(StringComparer.Ordinal);
        public readonly HashSet<string> CountedAtAttempt = new(StringComparer.Ordinal);
        public DateTimeOffset? BucketStart;
    }
}
