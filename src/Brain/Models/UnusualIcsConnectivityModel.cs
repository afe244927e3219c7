using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.12. The ICS communication graph: an edge is (src, dst, ICS port) of any internal flow to an
/// ICS port, attempts included. Edge newness: hierarchical DP over the src's ICS edges, backed off to its zone
/// and the organisation (a dst nobody talks ICS to is rarer than a busy PLC), counted in edge-hours.
/// A single new edge: π = tail of the edge, m = the src's flows per day, at least 24 (any flow could have been a
/// new ICS edge; a young device's own rate is unknown, so it gets one chance an hour). A burst: N = new edges
/// in a sliding hour, Gamma–Poisson on the src's new edges per hour (zone prior; a device's first hour is not
/// learnt), m = 24, floor N ≥ 3. Score = the larger s. Volume lives in unusual-data-transfer.
/// </summary>
public sealed class UnusualIcsConnectivityModel : IAnomalyModel
{
    public const int MinBurst = 3;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const double DefaultRate = 0.1;
    private const double PriorWeight = 2;
    private const double WindowsPerDay = 24;

    private readonly HierarchicalCategorical<string> _edges = new(v => v, k => k);
    private readonly WindowedRate _newEdges = new(Window);
    private readonly CategoricalCounts<string> _flows = new(v => v, k => k);

    public string Id => ModelIds.UnusualIcsConnectivity;

    public EventKinds Reads => EventKinds.Flow;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not FlowObserved { Flow: var flow }) return;
        var src = context.Devices.Find(flow.OrigIp);
        if (src is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        bool learn = context.Learns;
        if (learn) _flows.Add(src.Id, "", context.Now, halfLife);
        bool mature = context.Now - src.FirstSeen >= Window;
        _newEdges.Roll(src.Id, src.ZoneName, context.Now, halfLife, learn && mature);
        if (!IcsPorts.IsIcsPort(flow.Proto, flow.RespPort)) return;
        var dst = context.Devices.Find(flow.RespIp);
        if (dst is null) return;

        string edge = dst.Id + "|" + flow.RespPort.ToString(CultureInfo.InvariantCulture);
        string group = src.GroupKey;
        if (_edges.IsNew(src.Id, edge, context.Now, halfLife))
        {
            double pi = _edges.Tail(src.Id, group, edge, context.Now, halfLife);
            int burst = _newEdges.Add(src.Id, dst.Ip + ":" + flow.RespPort.ToString(CultureInfo.InvariantCulture), context.Now);
            Score(src, dst, flow, pi, burst, context);
        }
        if (learn) _edges.Add(src.Id, group, edge, context.Now, halfLife, Window);
    }

    private void Score(DeviceProfile src, DeviceProfile dst, FlowRecord flow, double edgePi, int burst, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        double flowsPerDay = Math.Max(WindowsPerDay, Rates.PerDay(_flows.Total(src.Id, context.Now, halfLife), context.Now - src.FirstSeen, halfLife));
        double edgeScore = Scoring.Sidak(edgePi, flowsPerDay);
        double burstPi = 1, burstScore = 0, expected = 0;
        if (burst >= MinBurst)
        {
            var (alpha, beta) = _newEdges.Posterior(src.Id, src.ZoneName, DefaultRate, PriorWeight, context.Now, halfLife);
            burstPi = GammaPoisson.UpperTail(alpha, beta, burst);
            burstScore = Scoring.Sidak(burstPi, WindowsPerDay);
            expected = alpha / beta;
        }
        double score = Math.Max(edgeScore, burstScore);
        if (score < Scoring.BreachThreshold) return;

        string protocol = IcsPorts.ProtocolOf(flow.RespPort);
        string summary = burstScore >= edgeScore
            ? string.Create(CultureInfo.InvariantCulture,
                $"{src.Ip} opened {burst} new ICS connections within an hour (latest {protocol} to {dst.Ip}:{flow.RespPort}); it usually opens {expected:0.##} an hour ({Scoring.FormatP(burstPi)}).")
            : string.Create(CultureInfo.InvariantCulture,
                $"{src.Ip} made a {protocol} connection to {dst.Ip}:{flow.RespPort}, an ICS edge unusual for it, its zone and the network (p = {edgePi:0.####} against {flowsPerDay:0} flows a day).");
        var edges = _newEdges.Items(src.Id);
        var peers = new SortedSet<string>(StringComparer.Ordinal) { dst.Ip };
        foreach (string item in edges) if (peers.Count < 20) peers.Add(item[..item.LastIndexOf(':')]);
        var evidence = new Dictionary<string, object>
        {
            ["flow_uid"] = flow.Uid,
            ["protocol"] = protocol,
            ["dst"] = dst.Ip,
            ["dst_port"] = flow.RespPort,
            ["conn_state"] = flow.ConnState,
            ["new_edges_last_hour"] = burst,
            ["p_edge"] = edgePi,
            ["p_burst"] = burstPi,
            ["sample_edges"] = edges.Take(10).ToArray(),
        };
        context.Propose(Id, src, score, summary, evidence, peers.ToArray());
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot>();
        tables.AddRange(_edges.Export("edges"));
        tables.AddRange(_newEdges.Export("new-edges"));
        tables.AddRange(_flows.Export("flows"));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _edges.Import(state, "edges");
        _newEdges.Import(state, "new-edges");
        _flows.Import(state, "flows");
    }
}
