using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.4. An internal RDP session with admin_confidence ≥ 0.5 (<see cref="AdminConfidence"/>) once
/// it is established: the server confirmed the X.224 request and then TLS got a ServerHello/certificate, or the
/// flow carried ≥ 5 KB each way, or lasted ≥ 30 s. Features (learnt from every established RDP session):
/// π_pair = DP tail of the dst for the src (src → zone → organisation, session-hours); π_use = 1 for a device
/// with RDP history, else the Jeffreys share of its zone's devices that use RDP; π_cred = DP tail of the dst for
/// the cookie's user (backed off to the organisation); π_zone = tail of the zone pair among RDP sessions, backed
/// off to the zone pairs of all established internal flows (IT → OT RDP is rare when IT → OT traffic is rare).
/// Harmonic-mean combined (the features are dependent); m = the src's RDP sessions per day (floor 1).
/// High (≥ 0.8) when IT → OT to an ICS device.
/// </summary>
public sealed class UnusualAdminRdpModel : IAnomalyModel
{
    public const double MinConfidence = 0.5;
    public const long EstablishedBytes = 5000;
    public static readonly TimeSpan EstablishedDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Dedupe = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly HierarchicalCategorical<string> _pairs = new(v => v, k => k);
    private readonly CategoricalCounts<string> _credentials = new(v => v, k => k);
    private readonly CategoricalCounts<string> _clients = new(v => v, k => k);
    private readonly CategoricalCounts<string> _zonePairs = new(v => v, k => k);

    public string Id => ModelIds.UnusualAdminRdp;

    public EventKinds Reads => EventKinds.Rdp | EventKinds.TlsHello | EventKinds.TlsCertificate | EventKinds.Flow;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        switch (e)
        {
            case RdpRequestSeen r when r.Confirmed && r.FailureCode is null:
                if (context.Devices.IsInternal(r.Client) && context.Devices.IsInternal(r.Server))
                    _pending[r.FlowUid] = new Pending(r.Client, r.Server, r.ServerPort, r.Cookie, r.RestrictedAdmin,
                        AdminConfidence.Of(r.Cookie, r.RestrictedAdmin, context.Options.PrivilegedAccounts));
                break;
            case TlsHelloSeen h when h.Ja3sHash is not null || h.Version is not null:
                if (_pending.Remove(h.FlowUid, out var viaHello)) Established(viaHello, h.FlowUid, "tls", context);
                break;
            case TlsCertificateSeen c:
                if (_pending.Remove(c.FlowUid, out var viaCert)) Established(viaCert, c.FlowUid, "tls", context);
                break;
            case FlowObserved { Phase: FlowPhase.Ended, Flow: var flow } observed:
                if (context.Learns && IcsUsage.Established(observed) && context.Devices.Find(flow.OrigIp) is { } o
                    && context.Devices.Find(flow.RespIp) is { } d)
                    _zonePairs.Add("flows", ZonePair(o, d), context.Now, context.Options.BaselineHalfLife);
                if (!_pending.Remove(flow.Uid, out var viaFlow) || FailedConnection.Classify(flow) != FailureKind.None) break;
                bool volume = flow.OrigBytes >= EstablishedBytes && flow.RespBytes >= EstablishedBytes;
                if (volume || flow.Duration >= EstablishedDuration) Established(viaFlow, flow.Uid, volume ? "volume" : "duration", context);
                break;
        }
    }

    private void Established(Pending session, string uid, string how, BrainContext context)
    {
        var src = context.Devices.Find(session.Client);
        var dst = context.Devices.Find(session.Server);
        if (src is null || dst is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        string group = src.GroupKey;
        string zonePair = ZonePair(src, dst);
        string? user = AdminConfidence.User(session.Cookie);
        if (session.Confidence >= MinConfidence) Score(src, dst, session, user, uid, how, group, zonePair, context);
        if (!context.Learns) return;
        _pairs.Add(src.Id, group, dst.Id, context.Now, halfLife, Dedupe);
        if (user is not null) _credentials.Add("c:" + user, dst.Id, context.Now, halfLife, Dedupe);
        _clients.Add(group, src.Id, context.Now, halfLife, Dedupe);
        _zonePairs.Add("rdp", zonePair, context.Now, halfLife);
    }

    private void Score(DeviceProfile src, DeviceProfile dst, Pending session, string? user, string uid, string how, string group,
        string zonePair, BrainContext context)
    {
        var now = context.Now;
        var halfLife = context.Options.BaselineHalfLife;
        double sessions = _pairs.Counts.Total(src.Id, now, halfLife);
        double piPair = _pairs.Tail(src.Id, group, dst.Id, now, halfLife);
        double piUse = sessions >= 0.5 ? 1 : UseTail(src, group, context);
        double piCred = user is null ? 1 : CredentialTail("c:" + user, dst.Id, now, halfLife);
        double piZone = ZonePairTail(zonePair, context);
        double pi = PValues.HarmonicMean([piPair, piUse, piCred, piZone]);
        double m = Rates.PerDay(sessions, now - src.FirstSeen, halfLife);
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;
        bool itToOt = src.IsItZone && dst.IsOtZone;
        if (itToOt && (dst.IcsClientSince ?? dst.IcsServerSince) is not null) score = Math.Max(score, 0.8);

        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{src.Ip} opened an admin RDP session (confidence {session.Confidence:0.0}{(user is null ? "" : $", user \"{user}\"")}{(session.RestrictedAdmin ? ", restricted admin" : "")}) to {dst.Ip} ({zonePair}); pair p = {piPair:0.####}, RDP use p = {piUse:0.####}, user-to-host p = {piCred:0.####}, zone pair p = {piZone:0.####}, combined {Scoring.FormatP(pi)}.");
        var evidence = new Dictionary<string, object>
        {
            ["flow_uid"] = uid,
            ["dst"] = dst.Ip,
            ["dst_port"] = session.Port,
            ["cookie"] = session.Cookie ?? "",
            ["restricted_admin"] = session.RestrictedAdmin,
            ["admin_confidence"] = session.Confidence,
            ["established_by"] = how,
            ["zone_pair"] = zonePair,
            ["it_to_ot"] = itToOt,
            ["p_pair"] = piPair,
            ["p_use"] = piUse,
            ["p_user_host"] = piCred,
            ["p_zone_pair"] = piZone,
            ["p"] = pi,
        };
        // A session to another host is a new peer: it breaches within the cool-down too (and links that host's breaches).
        context.Propose(Id, src, score, summary, evidence, [dst.Ip], dst.Id);
    }

    /// <summary>Jeffreys share of the zone's other devices that have used RDP.</summary>
    private double UseTail(DeviceProfile src, string group, BrainContext context)
    {
        int users = 0, devices = 0;
        foreach (var (client, count) in _clients.Values(group, context.Now, context.Options.BaselineHalfLife))
            if (count >= 0.5 && client != src.Id) users++;
        foreach (var device in context.Devices.All)
            if (device != src && device.ZoneName == src.ZoneName) devices++;
        return BetaBernoulli.Jeffreys(users, Math.Max(devices, users));
    }

    private double CredentialTail(string credential, string dst, DateTimeOffset now, TimeSpan halfLife)
    {
        double c = _pairs.Concentration;
        if (_credentials.Count(credential, dst, now, halfLife) >= 0.5) return _credentials.LevelTail(credential, dst, c, now, halfLife);
        double factor = c / (_credentials.Total(credential, now, halfLife) + c);
        string org = HierarchicalCategorical<string>.Organisation;
        return factor * (_pairs.IsNew(org, dst, now, halfLife)
            ? c / (_pairs.Counts.Total(org, now, halfLife) + c)
            : _pairs.Counts.LevelTail(org, dst, c, now, halfLife));
    }

    /// <summary>Tail of a zone pair under P(zp | RDP) = (n_zp + δ·P(zp | flows)) / (n + δ), P(zp | flows) Jeffreys over all zone pairs.</summary>
    private double ZonePairTail(string zonePair, BrainContext context)
    {
        var zones = context.Devices.Network.Zones;
        if (zones.Count == 0) return 1;
        var now = context.Now;
        var halfLife = context.Options.BaselineHalfLife;
        double c = _pairs.Concentration;
        int values = (zones.Count + 1) * (zones.Count + 1);
        double flows = _zonePairs.Total("flows", now, halfLife), rdp = _zonePairs.Total("rdp", now, halfLife);
        double P(string zp) => (_zonePairs.Count("rdp", zp, now, halfLife)
            + c * (_zonePairs.Count("flows", zp, now, halfLife) + 0.5) / (flows + 0.5 * values)) / (rdp + c);
        double own = P(zonePair), tail = 0;
        for (int i = -1; i < zones.Count; i++)
            for (int j = -1; j < zones.Count; j++)
            {
                double p = P((i < 0 ? "" : zones[i].Name) + ">" + (j < 0 ? "" : zones[j].Name));
                if (p <= own * (1 + 1e-9)) tail += p;
            }
        return Math.Min(1, tail);
    }

    private static string ZonePair(DeviceProfile src, DeviceProfile dst) => src.ZoneName + ">" + dst.ZoneName;

    /// <summary>Marks "no cookie" in a snapshot key; not NUL, which PostgreSQL's jsonb cannot hold.</summary>
    private const string NoCookie = "\u001E";

    public IReadOnlyList<TableSnapshot> Export()
    {
        var pending = new List<SnapshotRow>(_pending.Count);
        foreach (var (uid, p) in _pending)
            pending.Add(new SnapshotRow(string.Join(SnapshotKey.Separator, uid, p.Client, p.Server, p.Cookie ?? NoCookie),
                [p.Port, p.RestrictedAdmin ? 1 : 0, p.Confidence]));
        var tables = new List<TableSnapshot> { new("pending", pending) };
        tables.AddRange(_pairs.Export("pairs"));
        tables.AddRange(_credentials.Export("credentials"));
        tables.AddRange(_clients.Export("clients"));
        tables.AddRange(_zonePairs.Export("zone-pairs"));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _pending.Clear();
        foreach (var row in state.Table("pending")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            _pending[k[0]] = new Pending(k[1], k[2], (int)row.Value(0), k[3] == NoCookie ? null : k[3], row.Value(1) != 0, row.Value(2));
        }
        _pairs.Import(state, "pairs");
        _credentials.Import(state, "credentials");
        _clients.Import(state, "clients");
        _zonePairs.Import(state, "zone-pairs");
    }

    private sealed record Pending(string Client, string Server, int Port, string? Cookie, bool RestrictedAdmin, double Confidence);
}
