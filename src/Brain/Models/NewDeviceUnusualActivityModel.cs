using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.1. Gate: the device was first seen after learning ended (and no MAC/DHCP identity links it
/// to a known device) and is at most <see cref="BrainOptions.NewDeviceAge"/> old. Features, cumulative since
/// first sight: distinct internal destinations, distinct destination ports, failed internal targets (§4),
/// IT → OT destinations, admin-protocol targets (SSH, RPC, SMB, RDP, WinRM), ICS-port targets, and rare external
/// endpoints (r_e ≥ 0.99). Model: the new-device prior of its zone — every device's counts over its first
/// 24 h of observation (decayed moments), blended with conservative fixed priors worth 20 devices — as a
/// Gamma–Poisson (negative binomial by moments) per feature; harmonic-mean combined (a scan moves several
/// features at once); m = 24. Breach: s ≥ 0.5 ∧ some feature has π < 0.01; re-scored as features grow.
/// </summary>
public sealed partial class NewDeviceUnusualActivityModel : IAnomalyModel
{
    public const double WindowsPerDay = 24;
    public const double FeatureFloor = 0.01;
    private const double PriorDevices = 20;
    private const int MaxItems = 1024;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    public static readonly string[] FeatureNames =
        ["internal_destinations", "destination_ports", "failed_internal_targets", "it_to_ot_destinations", "admin_targets", "ics_targets", "rare_external_endpoints"];

    /// <summary>Conservative priors (mean, variance) of each feature over a device's first day.</summary>
    private static readonly (double Mean, double Variance)[] FixedPrior = [(5, 100), (5, 100), (2, 25), (0.5, 4), (1, 9), (0.5, 4), (2, 25)];

    private readonly Dictionary<string, Young> _young = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoneStats> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), string> _portKeys = [];
    private long _nextSweep;

    public string Id => ModelIds.NewDeviceUnusualActivity;

    public EventKinds Reads => EventKinds.Flow;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not FlowObserved { Flow: var flow }) return;
        if (context.Now.UtcTicks >= _nextSweep) Sweep(context);
        var src = context.Devices.Find(flow.OrigIp);
        if (src is null || context.Now - src.FirstSeen > context.Options.NewDeviceAge) return;
        var young = Get(src, context);
        bool changed = false;
        var resp = context.Devices.Find(flow.RespIp);
        bool external = resp is null && context.Devices.IsExternal(flow.RespIp);
        string? target = null;
        string Target() => target ??= flow.RespIp + ":" + flow.RespPort.ToString(CultureInfo.InvariantCulture);
        changed |= resp is not null && Add(young, 0, flow.RespIp, src, context);
        changed |= Add(young, 1, PortKey(flow.Proto, flow.RespPort), src, context);
        changed |= resp is not null && FailedConnection.Classify(flow) != FailureKind.None && Add(young, 2, Target(), src, context);
        changed |= resp is not null && src.IsItZone && resp.IsOtZone && Add(young, 3, flow.RespIp, src, context);
        changed |= resp is not null && flow.RespPort is 22 or 135 or 445 or 3389 or 5985 or 5986 && Add(young, 4, Target(), src, context);
        changed |= IcsPorts.IsIcsPort(flow.Proto, flow.RespPort) && Add(young, 5, Target(), src, context);
        changed |= external && young.Sets[6].Count < MaxItems && !young.Sets[6].Contains(flow.RespIp)
            && RareExternal(src, flow.RespIp, context) && Add(young, 6, flow.RespIp, src, context);
        if (changed && young.PostLearning && context.IsNewDevice(src) && young.Total() >= young.RescoreAt) Score(src, young, context);
    }

    /// <summary>"tcp/445": interned once per (protocol, port).</summary>
    private string PortKey(string proto, int port)
    {
        if (!_portKeys.TryGetValue((proto, port), out var key))
        {
            key = proto + "/" + port.ToString(CultureInfo.InvariantCulture);
            if (_portKeys.Count < 200_000) _portKeys[(proto, port)] = key;
        }
        return key;
    }

    private static bool RareExternal(DeviceProfile src, string ip, BrainContext context)
    {
        var external = context.External;
        if (external.ActiveDevices(context.Now) < 50) return false; // r_e ≥ 0.99 needs N ≥ 49
        if (!external.IsRare(src.Id, context.Now, ExternalRarity.IpKey(ip), external.NetworkKey(ip))) return false;
        return external.Assess(src.Id, context.Now, ExternalRarity.IpKey(ip), external.NetworkKey(ip)).P <= 0.01;
    }

    private bool Add(Young young, int feature, string item, DeviceProfile src, BrainContext context)
    {
        var set = young.Sets[feature];
        if (set.Count >= MaxItems || !set.Add(item)) return false;
        if (young.Counted && context.Learns)
        {
            var zone = Zone(src.ZoneName);
            var halfLife = context.Options.BaselineHalfLife;
            zone.Sum[feature].Add(1, context.Now, halfLife);
            zone.SumSquares[feature].Add(2 * (set.Count - 1) + 1, context.Now, halfLife);
        }
        return true;
    }

    private void Score(DeviceProfile src, Young young, BrainContext context)
    {
        Span<double> ps = stackalloc double[FeatureNames.Length];
        var zone = Zone(src.ZoneName);
        var halfLife = context.Options.BaselineHalfLife;
        double n = zone.Devices.ValueAt(context.Now, halfLife), min = 1;
        int strongest = 0;
        for (int j = 0; j < ps.Length; j++)
        {
            var (r, beta) = Prior(zone, j, n, context.Now, halfLife);
            ps[j] = GammaPoisson.UpperTail(r, beta, young.Sets[j].Count);
            if (ps[j] < min) (min, strongest) = (ps[j], j);
        }
        if (min >= FeatureFloor) return;
        double pi = PValues.HarmonicMean(ps);
        double score = Scoring.Sidak(pi, WindowsPerDay);
        if (score < Scoring.BreachThreshold) return;

        var evidence = new Dictionary<string, object>
        {
            ["first_seen"] = src.FirstSeen.ToString("O", CultureInfo.InvariantCulture),
            ["age_minutes"] = Math.Round((context.Now - src.FirstSeen).TotalMinutes, 1),
            ["zone"] = src.ZoneName,
            ["zone_devices_in_prior"] = Math.Round(n, 1),
            ["p"] = pi,
        };
        var text = new System.Text.StringBuilder();
        for (int j = 0; j < ps.Length; j++)
        {
            evidence[FeatureNames[j]] = young.Sets[j].Count;
            evidence["p_" + FeatureNames[j]] = ps[j];
            if (ps[j] < 0.05)
                text.Append(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? "" : ", ")}{young.Sets[j].Count} {FeatureNames[j].Replace('_', ' ')} (p = {ps[j]:0.#####})");
        }
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{src.Ip}, first seen {(context.Now - src.FirstSeen).TotalMinutes:0} minutes ago{(src.Zone is null ? "" : " in " + src.Zone.Name)}, behaves unlike new devices of its zone: {text} ({Scoring.FormatP(pi)}; strongest: {FeatureNames[strongest].Replace('_', ' ')}).");
        var peers = new SortedSet<string>(young.Sets[0], StringComparer.Ordinal);
        // Once breached, re-score only when the activity has grown by half again (not on every extra target).
        if (context.Propose(Id, src, score, summary, evidence, peers.Take(20).ToArray())) young.RescoreAt = young.Total() * 3 / 2;
    }

    /// <summary>Negative-binomial (Gamma–Poisson) parameters of a feature: zone moments blended with the fixed prior.</summary>
    private static (double R, double Beta) Prior(ZoneStats zone, int j, double devices, DateTimeOffset now, TimeSpan halfLife)
    {
        var (mean0, var0) = FixedPrior[j];
        double w = devices + PriorDevices;
        double mean = Math.Max(1e-3, (zone.Sum[j].ValueAt(now, halfLife) + PriorDevices * mean0) / w);
        double second = (zone.SumSquares[j].ValueAt(now, halfLife) + PriorDevices * (var0 + mean0 * mean0)) / w;
        double variance = second - mean * mean;
        double r = variance > mean * 1.000001 ? mean * mean / (variance - mean) : mean * 1e4;
        return (r, r / mean);
    }
}
