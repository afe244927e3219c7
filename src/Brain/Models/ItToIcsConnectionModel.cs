using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.7. An ICS session (a classified ICS command, or an established flow to an ICS port) from an
/// IT device (IT zone, or outside OT zones without an ICS-client role in baseline) to an ICS server or OT-zone device. Features:
/// π_triple = DP tail of (dst, protocol) for the src (src → zone → organisation, session-hours) and
/// π_use = tail of the protocol in the src's session mix (<see cref="IcsUsage"/>); Fisher-combined;
/// m = the src's new ICS triples per day in baseline (floor 1). Scored only when the triple is new for the src.
/// </summary>
public sealed class ItToIcsConnectionModel : IAnomalyModel
{
    private readonly HierarchicalCategorical<(string Dst, string Protocol)> _triples =
        new(v => SnapshotKey.Join(v.Dst, v.Protocol), k => SnapshotKey.Split(k) is [var d, var p] ? (d, p) : (k, ""));
    private readonly CategoricalCounts<string> _newTriples = new(v => v, k => k);
    private readonly IcsUsage _usage = new();

    public string Id => ModelIds.ItToIcsConnection;

    public EventKinds Reads => EventKinds.Flow | EventKinds.IcsCommand;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        switch (e)
        {
            case FlowObserved flow when IcsUsage.Established(flow):
                var src = context.Devices.Find(flow.Flow.OrigIp);
                if (src is null) return;
                string value = IcsUsage.ValueOf(flow.Flow);
                if (value != IcsUsage.NotIcs && context.Devices.Find(flow.Flow.RespIp) is { } dst)
                    Session(src, dst, value, flow.Flow.Uid, null, context);
                if (context.Learns) _usage.Learn(src, value, context.Now, context.Options.BaselineHalfLife);
                break;
            case IcsCommandSeen command:
                if (context.Devices.Find(command.Client) is { } client && context.Devices.Find(command.Server) is { } server)
                    Session(client, server, IcsPorts.FamilyOf(command.Protocol), command.FlowUid, command, context);
                break;
        }
    }

    private void Session(DeviceProfile src, DeviceProfile dst, string protocol, string uid, IcsCommandSeen? command, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        var triple = (dst.Id, protocol);
        string group = src.GroupKey;
        bool isNew = _triples.IsNew(src.Id, triple, context.Now, halfLife);
        // IT zone, or (outside any OT zone) no ICS-client role in baseline: a device configured into an OT zone is not IT.
        bool itSource = src.IsItZone || (!src.IsOtZone && !context.HasRole(src, DeviceRole.IcsClient));
        bool icsTarget = dst.IsOtZone || dst.IcsServerSince is not null;
        if (isNew && itSource && icsTarget)
            Score(src, dst, protocol, triple, group, uid, command, context);
        if (!context.Learns) return;
        if (isNew) _newTriples.Add(src.Id, "", context.Now, halfLife);
        _triples.Add(src.Id, group, triple, context.Now, halfLife, IcsUsage.Dedupe);
        if (command is not null) _usage.Learn(src, protocol, context.Now, halfLife);
    }

    private void Score(DeviceProfile src, DeviceProfile dst, string protocol, (string, string) triple, string group, string uid,
        IcsCommandSeen? command, BrainContext context)
    {
        var halfLife = context.Options.BaselineHalfLife;
        double piTriple = _triples.Tail(src.Id, group, triple, context.Now, halfLife);
        double piUse = _usage.IsNew(src, protocol, context.Now, halfLife) ? _usage.Tail(src, protocol, context.Now, halfLife) : 1;
        double pi = PValues.Fisher([piTriple, piUse]);
        double m = Rates.PerDay(_newTriples.Total(src.Id, context.Now, halfLife), context.Now - src.FirstSeen, halfLife);
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;

        string from = src.Zone is null ? "" : $" ({src.Zone.Name})";
        string to = dst.Zone is null ? "" : $" ({dst.Zone.Name})";
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{src.Ip}{from}, an IT device, opened a {protocol} session to ICS device {dst.Ip}{to} for the first time; the pair is new (p = {piTriple:0.####}) and {protocol} is unusual for it (p = {piUse:0.####}), combined {Scoring.FormatP(pi)}.");
        var evidence = new Dictionary<string, object>
        {
            ["flow_uid"] = uid,
            ["protocol"] = protocol,
            ["dst"] = dst.Ip,
            ["src_zone"] = src.ZoneName,
            ["dst_zone"] = dst.ZoneName,
            ["p_pair"] = piTriple,
            ["p_protocol_use"] = piUse,
            ["p"] = pi,
        };
        if (command is not null)
        {
            evidence["command"] = command.Function;
            evidence["command_class"] = command.Class;
        }
        context.Propose(Id, src, score, summary, evidence, [dst.Ip]);
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot>();
        tables.AddRange(_triples.Export("triples"));
        tables.AddRange(_newTriples.Export("new-triples"));
        tables.AddRange(_usage.Export("usage"));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _triples.Import(state, "triples");
        _newTriples.Import(state, "new-triples");
        _usage.Import(state, "usage");
    }
}
