using System.Globalization;
using AutoRespond.Brain.Ai;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// ai-data-upload (issue 9): unusually high volume sent by an internal device to an AI service. Feature: bytes the
/// device sent to the service in its current hour (finished connections, longer ones at their hourly rate), like
/// unusual-data-transfer but keyed by service, so address churn behind one service does not split it. Baselines
/// (DETECTION.md §2.0, decayed, log-normal moments of ln bytes per active hour): the (device, service) pair, shrunk to
/// the device's hours with any AI service, shrunk to the organisation's AI hours, shrunk to a wide default (median
/// 100 kB, σ = 2.5), σ ≥ 0.75. π = the larger of the pair's predictive upper tail ("unusual for the device") and the
/// service's kernel tail over every device's hours with it, backed off to all AI hours ("unusual for the service").
/// m = the device's AI pair-hours per day (at least 24). Breach: s ≥ 0.5 and at least
/// <see cref="BrainOptions.MinTransferBytes"/> in the hour.
/// </summary>
public sealed class AiDataUploadModel : IAnomalyModel
{
    private const double PriorWeight = 2;
    private const double MinSigma = 0.75;
    private const double Bandwidth = 1.0;
    private const string AllAi = "*";
    private static readonly double DefaultMean = Math.Log(100_000);
    private const double DefaultVariance = 2.5 * 2.5;

    private readonly Dictionary<(string Device, string Service), Hour> _pairs = [];
    private readonly Dictionary<string, Baseline> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Baseline> _services = new(StringComparer.Ordinal);
    private AiTraffic? _traffic;

    public string Id => ModelIds.AiDataUpload;

    public EventKinds Reads => EventKinds.Flow | AiTraffic.Reads;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        var traffic = _traffic ??= new AiTraffic(context.Options.Ai);
        traffic.Observe(e);
        if (e is not FlowObserved { Phase: FlowPhase.Ended, Flow: var flow }) return;
        if (traffic.Classify(flow, context.Now) is not { } hit || !context.Devices.IsExternal(flow.RespIp)
            || context.Devices.Find(flow.OrigIp) is not { } device) return;
        long sent = flow.OrigIpBytes > 0 ? Math.Min(flow.OrigBytes, flow.OrigIpBytes) : flow.OrigBytes;
        if (sent <= 0) return;
        double scale = flow.Duration > UnusualDataTransferModel.Hour ? UnusualDataTransferModel.Hour / flow.Duration : 1;
        var key = (device.Id, hit.Service.Id);
        if (!_pairs.TryGetValue(key, out var hour)) _pairs[key] = hour = new Hour();
        if (hour.Start != 0 && context.Now.UtcTicks - hour.Start >= UnusualDataTransferModel.Hour.Ticks) Close(key, hour, context);
        if (hour.Start == 0)
        {
            hour.Start = context.Now.UtcTicks;
            hour.Learnable = true;
        }
        hour.Learnable &= context.Learns;
        hour.Bytes += sent * scale;
        hour.LastUid = flow.Uid;
        hour.Server = flow.RespIp;
        if (hour.Bytes >= context.Options.MinTransferBytes) Score(device, hit, hour, context);
    }

    private void Score(DeviceProfile device, AiHit hit, Hour hour, BrainContext context)
    {
        var now = context.Now;
        var halfLife = context.Options.BaselineHalfLife;
        var all = Get(_services, AllAi);
        var (allMean, allVariance) = LogNormalStats.Shrink(all.Stats.Moments(now, halfLife), DefaultMean, DefaultVariance, PriorWeight);
        var own = Get(_devices, device.Id);
        var (deviceMean, deviceVariance) = LogNormalStats.Shrink(own.Stats.Moments(now, halfLife), allMean, allVariance, PriorWeight);
        var pairMoments = hour.Stats.Moments(now, halfLife);
        var (mean, sigma) = LogNormalStats.Predictive(pairMoments, deviceMean, deviceVariance, PriorWeight, MinSigma);
        double lx = Math.Log(hour.Bytes);
        double z = (lx - mean) / sigma;
        double pDevice = PValues.NormalUpperTail(z);
        double defaultTail = PValues.NormalUpperTail((lx - DefaultMean) / Math.Sqrt(DefaultVariance));
        double allTail = all.Histogram.UpperTail(hour.Bytes, Bandwidth, defaultTail, PriorWeight, now, halfLife);
        double pService = Get(_services, hit.Service.Id).Histogram.UpperTail(hour.Bytes, Bandwidth, allTail, PriorWeight, now, halfLife);
        double pi = Math.Max(pDevice, pService);
        double m = Math.Max(24, Rates.PerDay(own.Stats.Weight.ValueAt(now, halfLife), now - device.FirstSeen, halfLife));
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;

        double typical = Math.Exp(mean);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{device.Ip} sent {hour.Bytes / 1e6:0.##} MB to {hit.Service.Name} ({hit.Service.Vendor}, {(hit.Service.Sanctioned ? "sanctioned" : "not sanctioned")}) at {hit.Host} within an hour; its typical hour to AI services is about {typical / 1e6:0.###} MB (z = {z:0.0}) and {pService:0.####} of the organisation's hours with this service are as large ({Scoring.FormatP(pi)}).");
        var evidence = new Dictionary<string, object>
        {
            ["service"] = hit.Service.Id,
            ["service_name"] = hit.Service.Name,
            ["sanctioned"] = hit.Service.Sanctioned,
            ["host"] = hit.Host,
            ["server"] = hour.Server,
            ["bytes_this_hour"] = Math.Round(hour.Bytes),
            ["typical_bytes_per_hour"] = Math.Round(typical),
            ["z"] = Math.Round(z, 2),
            ["p_device"] = pDevice,
            ["p_service"] = pService,
            ["p"] = pi,
            ["flow_uid"] = hour.LastUid ?? "",
        };
        context.Propose(Id, device, score, summary, evidence, [hour.Server], hit.Service.Id);
    }

    private void Close((string Device, string Service) key, Hour hour, BrainContext context)
    {
        if (hour.Learnable && hour.Bytes > 0)
        {
            var now = context.Now;
            var halfLife = context.Options.BaselineHalfLife;
            hour.Stats.Add(hour.Bytes, now, halfLife);
            foreach (var baseline in (ReadOnlySpan<Baseline>)[Get(_devices, key.Device), Get(_services, key.Service), Get(_services, AllAi)])
            {
                baseline.Stats.Add(hour.Bytes, now, halfLife);
                baseline.Histogram.Add(hour.Bytes, now, halfLife);
            }
        }
        hour.Start = 0;
        hour.Bytes = 0;
    }

    private static Baseline Get(Dictionary<string, Baseline> map, string key)
    {
        if (!map.TryGetValue(key, out var b)) map[key] = b = new Baseline();
        return b;
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var pairs = _pairs.Select(p => new SnapshotRow(SnapshotKey.Join(p.Key.Device, p.Key.Service, p.Value.Server),
            [p.Value.Stats.Weight.RawValue, p.Value.Stats.Sum.RawValue, p.Value.Stats.SumSquares.RawValue, p.Value.Bytes, p.Value.Learnable ? 1 : 0],
            [p.Value.Stats.Weight.RawTicks, p.Value.Stats.Sum.RawTicks, p.Value.Stats.SumSquares.RawTicks, p.Value.Start])).ToList();
        var baselines = new List<SnapshotRow>();
        foreach (var (prefix, map) in (ReadOnlySpan<(string, Dictionary<string, Baseline>)>)[("d", _devices), ("s", _services)])
            foreach (var (id, b) in map)
            {
                baselines.Add(b.Stats.ToRow(SnapshotKey.Join(prefix, "stats", id)));
                baselines.Add(b.Histogram.ToRow(SnapshotKey.Join(prefix, "histogram", id)));
            }
        return [new TableSnapshot("pairs", pairs), new TableSnapshot("baselines", baselines)];
    }

    public void Import(StateSnapshot state)
    {
        _pairs.Clear();
        _devices.Clear();
        _services.Clear();
        _traffic = null;
        foreach (var row in state.Table("pairs")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            _pairs[(k[0], k[1])] = new Hour
            {
                Server = k[2], Stats = LogNormalStats.FromRow(row), Bytes = row.Value(3), Learnable = row.Value(4) != 0, Start = row.Time(3),
            };
        }
        foreach (var row in state.Table("baselines")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            var b = Get(k[0] == "d" ? _devices : _services, k[2]);
            if (k[1] == "stats") b.Stats = LogNormalStats.FromRow(row);
            else b.Histogram = LogHistogram.FromRow(row);
        }
    }

    private sealed class Hour
    {
        public LogNormalStats Stats;
        public long Start;
        public double Bytes;
        public bool Learnable;
        public string? LastUid;
        public string Server = "";
    }

    private sealed class Baseline
    {
        public LogNormalStats Stats;
        public LogHistogram Histogram = new();
    }
}
