using System.Globalization;
using AutoRespond.Brain.Ai;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// shadow-ai-usage (issue 9): an internal device uses an AI service the organisation has not sanctioned (the service is
/// named from the ClientHello's SNI, the certificate, or a DNS answer for the server's address: <see cref="AiTraffic"/>).
/// Value: the service id, counted once per device-hour (device → zone → organisation, decayed, half-life 14 d).
/// π = π_novelty · p_org: π_novelty is the service's tail for the device backed off to its zone
/// (<see cref="HierarchicalCategorical{TValue}.Tail"/> without the organisation level: a service the device uses daily
/// is not news, one new to the device and its zone is); p_org = (k + ½)/(N + 1), k = other devices that used the service
/// in 30 days, N = active devices (how rare the service is in the organisation). m = the device's AI-service hours per
/// day (at least 1). Sanctioned services never breach, and they are learnt like the others.
/// </summary>
public sealed class ShadowAiUsageModel : IAnomalyModel
{
    private readonly HierarchicalCategorical<string> _services = new(s => s, s => s);
    private readonly ExternalRarity _users = new();
    private AiTraffic? _traffic;
    private readonly HashSet<string> _named = new(StringComparer.Ordinal);

    public string Id => ModelIds.ShadowAiUsage;

    public EventKinds Reads => EventKinds.Flow | AiTraffic.Reads;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        var traffic = _traffic ??= new AiTraffic(context.Options.Ai);
        traffic.Observe(e);
        switch (e)
        {
            case TlsHelloSeen hello when traffic.Classify(hello) is { } hit:
                _named.Add(hello.FlowUid);
                Use(hello.Client, hello.Server, hit, hello.FlowUid, context);
                break;
            case FlowObserved { Phase: FlowPhase.Ended, Flow: var flow }:
                bool seen = _named.Remove(flow.Uid);
                if (traffic.Classify(flow, context.Now) is { } flowHit && !seen) Use(flow.OrigIp, flow.RespIp, flowHit, flow.Uid, context);
                break;
        }
    }

    private void Use(string client, string server, AiHit hit, string uid, BrainContext context)
    {
        if (!context.Devices.IsExternal(server) || context.Devices.Find(client) is not { } device) return;
        var halfLife = context.Options.BaselineHalfLife;
        string service = hit.Service.Id;
        if (!hit.Service.Sanctioned) Score(device, server, hit, uid, context);
        if (!context.Learns) return;
        _services.Add(device.Id, device.GroupKey, service, context.Now, halfLife, TimeSpan.FromHours(1));
        _users.Active(device.Id, context.Now);
        _users.Contact("ai:" + service, device.Id, context.Now);
    }

    private void Score(DeviceProfile device, string server, AiHit hit, string uid, BrainContext context)
    {
        var now = context.Now;
        var halfLife = context.Options.BaselineHalfLife;
        string service = hit.Service.Id;
        double novelty = NoveltyTail(device, service, now, halfLife);
        int others = _users.OtherDevices("ai:" + service, device.Id, now);
        int active = Math.Max(context.External.ActiveDevices(now), _users.ActiveDevices(now));
        double pOrg = (others + 0.5) / (active + 1);
        double pi = novelty * pOrg;
        double hours = _services.Counts.Total(device.Id, now, halfLife);
        double m = Rates.PerDay(hours, now - device.FirstSeen, halfLife);
        double score = Scoring.Sidak(pi, m);
        if (score < Scoring.BreachThreshold) return;

        var category = hit.Service.Category;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{device.Ip} used {hit.Service.Name} ({hit.Service.Vendor}, {category}), an AI service the organisation has not sanctioned, at {hit.Host} ({server}, named by {hit.Via}); {(novelty >= 0.5 ? "the device uses it regularly" : "new for the device and its zone")} (P = {novelty:0.####}) and {others} other of {active} devices used it in 30 days ({Scoring.FormatP(pi)}).");
        var evidence = new Dictionary<string, object>
        {
            ["service"] = service,
            ["service_name"] = hit.Service.Name,
            ["vendor"] = hit.Service.Vendor,
            ["category"] = category,
            ["sanctioned"] = false,
            ["host"] = hit.Host,
            ["named_by"] = hit.Via,
            ["server"] = server,
            ["flow_uid"] = uid,
            ["other_devices"] = others,
            ["active_devices"] = active,
            ["p_novelty"] = novelty,
            ["p_org"] = pOrg,
            ["p"] = pi,
        };
        context.Propose(Id, device, score, summary, evidence, [server], service);
    }

    /// <summary>The service's tail at the device, backed off to its zone (the organisation is p_org's business).</summary>
    private double NoveltyTail(DeviceProfile device, string service, DateTimeOffset now, TimeSpan halfLife)
    {
        var counts = _services.Counts;
        double c = _services.Concentration, factor = 1;
        foreach (string scope in (ReadOnlySpan<string>)[device.Id, device.GroupKey])
        {
            string? exclude = scope == device.Id ? null : device.Id;
            if (counts.CountExcluding(scope, service, exclude, now, halfLife) >= 0.5)
                return factor * counts.LevelTail(scope, service, c, now, halfLife, exclude);
            factor *= c / (counts.TotalExcluding(scope, exclude, now, halfLife) + c);
        }
        return factor;
    }

    public IReadOnlyList<TableSnapshot> Export() => [.. _services.Export("services"), .. _users.Export()];

    public void Import(StateSnapshot state)
    {
        _services.Import(state, "services");
        _users.Import(state);
        _named.Clear();
        _traffic = null; // DNS names are short-lived; they are learnt again from the traffic
    }
}
