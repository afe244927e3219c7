using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// Unusually high volume from an internal device to one peer (for example a SCADA server pushing volume over
/// RDP). Feature: bytes the device sent to the peer in its current hour (flows that ran longer than an hour
/// count at their hourly rate). Model: log-normal bytes per active pair-hour (decayed moments of ln bytes),
/// shrunk towards the device's pair-hours, which are shrunk towards its zone's, which are shrunk towards a
/// wide default (median 100 kB, σ = 2.5); σ ≥ 0.75 so stable polling does not make 2× look extreme.
/// π = the larger of the upper tail under the pair's predictive and the sender's kernel tail over all its
/// pair-hours (<see cref="LogHistogram"/>, backed off to its zone's): the volume must be unusual for the pair and
/// for the device as a whole; m = the device's pair-hours per day (at least 24). Breach: s ≥ 0.5 and at
/// least <see cref="BrainOptions.MinTransferBytes"/> in the hour, from a sender with at least 3 finished pair-hours.
/// </summary>
public sealed partial class UnusualDataTransferModel : IAnomalyModel
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private const double PriorWeight = 2;
    private const double MinSigma = 0.75;
    private static readonly double DefaultMean = Math.Log(100_000);
    private const double DefaultVariance = 2.5 * 2.5;
    private const double Bandwidth = 1.0;
    private const double MinSenderHours = 3;

    private readonly Dictionary<(string Sender, string Receiver), Pair> _pairs = [];
    private readonly Dictionary<string, Baseline> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Baseline> _zones = new(StringComparer.Ordinal);
    private long _nextSweep;

    public string Id => ModelIds.UnusualDataTransfer;

    public EventKinds Reads => EventKinds.Flow;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not FlowObserved { Phase: FlowPhase.Ended, Flow: var flow }) return;
        if (context.Now.UtcTicks >= _nextSweep) Sweep(context);
        double scale = flow.Duration > Hour ? Hour / flow.Duration : 1;
        // Payload bytes come from sequence numbers; for mid-stream or gappy flows they can exceed what was on the
        // wire, so the IP bytes actually seen bound them.
        long sent = Bound(flow.OrigBytes, flow.OrigIpBytes), received = Bound(flow.RespBytes, flow.RespIpBytes);
        if (sent > 0 && context.Devices.Find(flow.OrigIp) is { } orig)
            Transfer(orig, flow.RespIp, sent * scale, flow, context);
        if (received > 0 && context.Devices.Find(flow.RespIp) is { } resp)
            Transfer(resp, flow.OrigIp, received * scale, flow, context);
    }

    private void Transfer(DeviceProfile sender, string receiver, double bytes, FlowRecord flow, BrainContext context)
    {
        var key = (sender.Id, receiver);
        if (!_pairs.TryGetValue(key, out var pair)) _pairs[key] = pair = new Pair { Zone = sender.ZoneName };
        if (pair.HourStart != 0 && context.Now.UtcTicks - pair.HourStart >= Hour.Ticks) Close(sender.Id, pair, context);
        if (pair.HourStart == 0)
        {
            pair.HourStart = context.Now.UtcTicks;
            pair.Learnable = true;
        }
        pair.Learnable &= context.Learns;
        pair.Bytes += bytes;
        pair.LastUid = flow.Uid;
        pair.Port = flow.RespPort;
        if (pair.Bytes >= context.Options.MinTransferBytes) Score(sender, receiver, pair, context);
    }

    private void Score(DeviceProfile sender, string receiver, Pair pair, BrainContext context)
    {
        var now = context.Now;
        var halfLife = context.Options.BaselineHalfLife;
        var device = Get(_devices, sender.Id);
        // A sender with almost no finished hours has no volume habit to depart from (new devices are
        // new-device-unusual-activity's business).
        if (device.Histogram.Total(now, halfLife) < MinSenderHours) return;
        var zone = Get(_zones, sender.ZoneName).Stats.Moments(now, halfLife);
        var (zoneMean, zoneVariance) = LogNormalStats.Shrink(zone, DefaultMean, DefaultVariance, PriorWeight);
        var (deviceMean, deviceVariance) = LogNormalStats.Shrink(device.Stats.Moments(now, halfLife), zoneMean, zoneVariance, PriorWeight);
        var own = pair.Stats.Moments(now, halfLife);
        var (mean, sigma) = LogNormalStats.Predictive(own, deviceMean, deviceVariance, PriorWeight, MinSigma);
        double z = (Math.Log(pair.Bytes) - mean) / sigma;
        // Unusual for the pair and for the sender as a whole: a server that pushes this much to someone now and
        // then is not unusual for doing it to a new peer (kernel tail of its pair-hours, backed off to its zone's).
        double defaultTail = PValues.NormalUpperTail((Math.Log(pair.Bytes) - DefaultMean) / Math.Sqrt(DefaultVariance));
        var zoneHistogram = Get(_zones, sender.ZoneName).Histogram;
        double zoneTail = zoneHistogram.UpperTail(pair.Bytes, Bandwidth, defaultTail, PriorWeight, now, halfLife);
        double senderTail = device.Histogram.UpperTail(pair.Bytes, Bandwidth, zoneTail, PriorWeight, now, halfLife);
        double pi = Math.Max(PValues.NormalUpperTail(z), senderTail);
        double pairHours = device.Stats.Weight.ValueAt(now, halfLife);
        double m = Math.Max(24, Rates.PerDay(pairHours, now - sender.FirstSeen, halfLife));
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;

        double typical = Math.Exp(mean);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{sender.Ip} sent {pair.Bytes / 1e6:0.##} MB to {receiver} (port {pair.Port}) within an hour; its typical hour to this peer is about {typical / 1e6:0.###} MB (from {own.Weight:0} hours with it and its other peers, z = {z:0.0}) and {senderTail:0.####} of its hours to any peer are as large ({Scoring.FormatP(pi)}).");
        var evidence = new Dictionary<string, object>
        {
            ["receiver"] = receiver,
            ["port"] = pair.Port,
            ["bytes_this_hour"] = Math.Round(pair.Bytes),
            ["typical_bytes_per_hour"] = Math.Round(typical),
            ["pair_history_hours"] = Math.Round(own.Weight, 1),
            ["z"] = Math.Round(z, 2),
            ["p_pair"] = PValues.NormalUpperTail(z),
            ["p_sender"] = senderTail,
            ["p"] = pi,
            ["flow_uid"] = pair.LastUid ?? "",
        };
        context.Propose(Id, sender, score, summary, evidence, [receiver], receiver);
    }

    /// <summary>Learns a finished pair-hour (unless a change window touched it) and resets the bucket.</summary>
    private void Close(string sender, Pair pair, BrainContext context)
    {
        if (pair.Learnable && pair.Bytes > 0)
        {
            var halfLife = context.Options.BaselineHalfLife;
            pair.Stats.Add(pair.Bytes, context.Now, halfLife);
            var device = Get(_devices, sender);
            device.Stats.Add(pair.Bytes, context.Now, halfLife);
            device.Histogram.Add(pair.Bytes, context.Now, halfLife);
            var zone = Get(_zones, pair.Zone);
            zone.Stats.Add(pair.Bytes, context.Now, halfLife);
            zone.Histogram.Add(pair.Bytes, context.Now, halfLife);
        }
        pair.HourStart = 0;
        pair.Bytes = 0;
    }

    private static long Bound(long payload, long ipBytes) => ipBytes > 0 ? Math.Min(payload, ipBytes) : payload;

    private static Baseline Get(Dictionary<string, Baseline> map, string key)
    {
        if (!map.TryGetValue(key, out var b)) map[key] = b = new Baseline();
        return b;
    }
}
