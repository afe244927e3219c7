using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.3. A self-signed server certificate (TLS ≤ 1.2) from an external endpoint. Gate:
/// self-signed ∧ (rare ∨ new for the organisation, by the least rare of certificate CN, IP and /24) ∧ the
/// issuer is not a configured private CA. π = P(self-signed | device) (Beta–Bernoulli, κ = 10, backed off to
/// zone and organisation) · p_e; m = the device's external TLS certificates per day. One breach per
/// (device, endpoint) per 24 h.
/// </summary>
public sealed class RareExternalSelfSignedModel : IAnomalyModel
{
    public static readonly TimeSpan Aggregation = TimeSpan.FromHours(24);

    private readonly BernoulliTable _selfSigned = new();
    private readonly Dictionary<string, long> _breached = new(StringComparer.Ordinal);

    public string Id => ModelIds.RareExternalSelfSigned;

    public EventKinds Reads => EventKinds.TlsCertificate;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not TlsCertificateSeen cert || !context.Devices.IsExternal(cert.Server)) return;
        var device = context.Devices.Find(cert.Client);
        if (device is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        string zone = device.GroupKey;
        if (cert.SelfSigned && !PrivateCa(cert.Issuer, context.Options)) Score(device, cert, zone, context);
        if (!context.Learns) return;
        _selfSigned.Add(device.Id, cert.SelfSigned, context.Now, halfLife);
        _selfSigned.Add(zone, cert.SelfSigned, context.Now, halfLife);
        _selfSigned.Add("*", cert.SelfSigned, context.Now, halfLife);
    }

    private void Score(DeviceProfile device, TlsCertificateSeen cert, string zone, BrainContext context)
    {
        string pair = device.Id + "|" + cert.Server;
        if (_breached.TryGetValue(pair, out long last) && context.Now.UtcTicks - last < Aggregation.Ticks) return;
        var external = context.External;
        string? cn = Certificates.CommonName(cert.Subject);
        var rarity = external.Assess(device.Id, context.Now, ExternalRarity.IpKey(cert.Server), external.NetworkKey(cert.Server),
            cn is null ? null : ExternalRarity.NameKey(cn));
        if (!rarity.IsRare && !rarity.IsNewForOrg) return;

        var halfLife = context.Options.BaselineHalfLife;
        double pOrg = _selfSigned.Jeffreys("*", context.Now, halfLife);
        double pZone = _selfSigned.Predictive(zone, pOrg, context.Now, halfLife);
        double pSelf = _selfSigned.Predictive(device.Id, pZone, context.Now, halfLife);
        double pi = pSelf * rarity.P;
        var (selfSigned, certs) = _selfSigned.Get(device.Id, context.Now, halfLife);
        double m = Rates.PerDay(certs, context.Now - device.FirstSeen, halfLife);
        double score = Scoring.Sidak(pi, m);
        if (!context.Propose(Id, device, score, Summary(device, cert, rarity, selfSigned, certs, pSelf, pi),
                Evidence(cert, rarity, pSelf, pi), [cert.Server]))
            return;
        _breached[pair] = context.Now.UtcTicks;
    }

    private static string Summary(DeviceProfile device, TlsCertificateSeen cert, Rarity rarity, double selfSigned, double certs,
        double pSelf, double pi) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{device.Ip} received a self-signed certificate \"{cert.Subject}\" from {cert.Server}:{cert.ServerPort}, an endpoint {(rarity.IsNewForOrg ? "new to the network" : "rare")} ({rarity.K} other of {rarity.N} devices in 30 days); {selfSigned:0} of its {certs:0} recent external certificates were self-signed (P = {pSelf:0.####}), combined {Scoring.FormatP(pi)}.");

    private static Dictionary<string, object> Evidence(TlsCertificateSeen cert, Rarity rarity, double pSelf, double pi) => new()
    {
        ["flow_uid"] = cert.FlowUid,
        ["server"] = cert.Server,
        ["server_port"] = cert.ServerPort,
        ["cert_sha256"] = cert.Sha256,
        ["subject"] = cert.Subject,
        ["issuer"] = cert.Issuer,
        ["other_devices"] = rarity.K,
        ["active_devices"] = rarity.N,
        ["rarity_key"] = rarity.Key,
        ["p_endpoint"] = rarity.P,
        ["p_self_signed"] = pSelf,
        ["p"] = pi,
    };

    private static bool PrivateCa(string issuer, BrainOptions options)
    {
        foreach (string ca in options.PrivateCaIssuers)
            if (issuer.Contains(ca, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var rows = new List<SnapshotRow>(_breached.Count);
        foreach (var (pair, ticks) in _breached) rows.Add(new SnapshotRow(pair, null, [ticks]));
        return [_selfSigned.Export("self-signed"), new TableSnapshot("breached", rows)];
    }

    public void Import(StateSnapshot state)
    {
        _selfSigned.Import(state, "self-signed");
        _breached.Clear();
        foreach (var row in state.Table("breached")?.Rows ?? []) _breached[row.Key] = row.Time(0);
    }
}
