using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.2. A TLS ClientHello without SNI from an internal device to an external endpoint.
/// Gate: no SNI ∧ the endpoint is new for the device (30 days) ∧ (new for the organisation ∨ rare).
/// π = π_noSNI · p_e, where π_noSNI = P(hello without SNI) as a Beta–Bernoulli (κ = 10) for the device backed
/// off to its zone and the organisation (Jeffreys), and for the client software (JA3N, else JA3), whichever is
/// larger; client software seen at least κ times that mostly omits SNI is normal (no breach). p_e is the
/// endpoint's rarity by its least rare key (IP, /24). m = the device's TLS hellos per day.
/// </summary>
public sealed class SslNoSniNewExternalModel : IAnomalyModel
{
    private readonly BernoulliTable _noSni = new();

    public string Id => ModelIds.SslNoSniNewExternal;

    public EventKinds Reads => EventKinds.TlsHello;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not TlsHelloSeen hello || !context.Devices.IsExternal(hello.Server)) return;
        var device = context.Devices.Find(hello.Client);
        if (device is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        bool noSni = string.IsNullOrEmpty(hello.Sni);
        string client = "ja3:" + (hello.Ja3nHash ?? hello.Ja3Hash);
        string zone = device.GroupKey;
        if (noSni) Score(device, hello, client, zone, context);
        if (!context.Learns) return;
        _noSni.Add(device.Id, noSni, context.Now, halfLife);
        _noSni.Add(zone, noSni, context.Now, halfLife);
        _noSni.Add("*", noSni, context.Now, halfLife);
        _noSni.Add(client, noSni, context.Now, halfLife);
    }

    private void Score(DeviceProfile device, TlsHelloSeen hello, string client, string zone, BrainContext context)
    {
        var external = context.External;
        string ipKey = ExternalRarity.IpKey(hello.Server);
        if (external.Contacted(ipKey, device.Id, context.Now)) return;
        var rarity = external.Assess(device.Id, context.Now, ipKey, external.NetworkKey(hello.Server));
        if (!rarity.IsRare && !rarity.IsNewForOrg) return;

        var halfLife = context.Options.BaselineHalfLife;
        double pOrg = _noSni.Jeffreys("*", context.Now, halfLife);
        double pZone = _noSni.Predictive(zone, pOrg, context.Now, halfLife);
        double pDevice = _noSni.Predictive(device.Id, pZone, context.Now, halfLife);
        double pClient = _noSni.Predictive(client, pOrg, context.Now, halfLife);
        // Suppression (§2.2 FP): client software seen at least κ times that mostly omits SNI connects by address.
        if (_noSni.Get(client, context.Now, halfLife).Trials >= BetaBernoulli.DefaultKappa && pClient >= 0.5) return;
        double piNoSni = Math.Max(pDevice, pClient);
        double pi = piNoSni * rarity.P;
        var (_, hellos) = _noSni.Get(device.Id, context.Now, halfLife);
        double m = Rates.PerDay(hellos, context.Now - device.FirstSeen, halfLife);
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;

        var (noSniHellos, _) = _noSni.Get(device.Id, context.Now, halfLife);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{device.Ip} sent a TLS ClientHello without SNI to {hello.Server}:{hello.ServerPort}, an endpoint {(rarity.IsNewForOrg ? "new to the network" : "rare")} ({rarity.K} other of {rarity.N} devices in 30 days, p_e = {rarity.P:0.###}); it omitted SNI in {noSniHellos:0} of {hellos:0} recent hellos (P = {piNoSni:0.####}), combined {Scoring.FormatP(pi)}.");
        var evidence = new Dictionary<string, object>
        {
            ["flow_uid"] = hello.FlowUid,
            ["server"] = hello.Server,
            ["server_port"] = hello.ServerPort,
            ["ja3"] = hello.Ja3Hash,
            ["other_devices"] = rarity.K,
            ["active_devices"] = rarity.N,
            ["rarity_key"] = rarity.Key,
            ["p_endpoint"] = rarity.P,
            ["p_no_sni"] = piNoSni,
            ["p"] = pi,
        };
        context.Propose(Id, device, score, summary, evidence, [hello.Server]);
    }

    public IReadOnlyList<TableSnapshot> Export() => [_noSni.Export("no-sni")];

    public void Import(StateSnapshot state) => _noSni.Import(state, "no-sni");
}
