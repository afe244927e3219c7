using AutoRespond.Contracts;

namespace AutoRespond.Brain.Ai;

/// <summary>
/// Names connections after AI services from what the sensor saw: the ClientHello's SNI, the server certificate's name,
/// the HTTP Host, or, for a connection to a bare address, a DNS answer that gave the address to the same device (else
/// to any device) within the last day. Only names the catalogue knows are kept, so memory follows AI use, not all DNS.
/// </summary>
public sealed class AiTraffic(AiCatalogue catalogue)
{
    /// <summary>How long a DNS answer names the address it gave (longer than most TTLs: clients keep connections).</summary>
    public static readonly TimeSpan AnswerLifetime = TimeSpan.FromHours(24);

    private const int MaxEntries = 200_000;
    private readonly Dictionary<(string Client, string Address), (AiHit Hit, long Ticks)> _answers = [];
    private readonly Dictionary<string, (AiHit Hit, long Ticks)> _anyClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AiHit> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AiService?> _matched = new(StringComparer.Ordinal); // names repeat: DNS, SNI
    private const int MaxMatched = 4096;

    /// <summary>The events <see cref="Observe"/> learns names from (a model that owns an AiTraffic reads them too).</summary>
    public const Models.EventKinds Reads =
        Models.EventKinds.DnsAnswer | Models.EventKinds.TlsHello | Models.EventKinds.TlsCertificate | Models.EventKinds.JsonRpc;

    public AiCatalogue Catalogue { get; } = catalogue;

    /// <summary>Learns names from DNS answers, TLS hellos and certificates, and MCP/JSON-RPC Host headers.</summary>
    public void Observe(NetworkEvent e)
    {
        switch (e)
        {
            case DnsAnswerSeen dns:
                if (MatchAnswer(dns) is not { } hit) return;
                if (_answers.Count >= MaxEntries) Prune(dns.Time);
                foreach (string address in dns.Addresses)
                {
                    _answers[(dns.Client, address)] = (hit, dns.Time.UtcTicks);
                    _anyClient[address] = (hit, dns.Time.UtcTicks);
                }
                break;
            case TlsHelloSeen { Sni: { Length: > 0 } sni } hello when Match(sni) is { } bySni:
                Remember(hello.FlowUid, new AiHit(bySni, sni.ToLowerInvariant(), "sni"));
                break;
            case TlsCertificateSeen cert when !_flows.ContainsKey(cert.FlowUid)
                && Models.Certificates.CommonName(cert.Subject) is { } cn && Match(cn.TrimStart('*', '.')) is { } byCert:
                Remember(cert.FlowUid, new AiHit(byCert, cn.ToLowerInvariant(), "certificate"));
                break;
            case JsonRpcSeen { HttpHost: { } host } rpc when !_flows.ContainsKey(rpc.FlowUid) && Match(host) is { } byHost:
                Remember(rpc.FlowUid, new AiHit(byHost, host.ToLowerInvariant(), "http-host"));
                break;
        }
    }

    /// <summary>The service of a TLS hello: its SNI, else a DNS answer for the server's address.</summary>
    public AiHit? Classify(TlsHelloSeen hello) =>
        _flows.GetValueOrDefault(hello.FlowUid) ?? ByAddress(hello.Client, hello.Server, hello.Time);

    /// <summary>The service of a connection (by its uid's names, else DNS); forgets the uid when <paramref name="ended"/>.</summary>
    public AiHit? Classify(FlowRecord flow, DateTimeOffset now, bool ended = true)
    {
        var hit = _flows.GetValueOrDefault(flow.Uid) ?? ByAddress(flow.OrigIp, flow.RespIp, now);
        if (ended) _flows.Remove(flow.Uid);
        return hit;
    }

    /// <summary>The service a DNS answer gave this device (or any device) for the address, within <see cref="AnswerLifetime"/>.</summary>
    public AiHit? ByAddress(string client, string address, DateTimeOffset now)
    {
        if (_answers.TryGetValue((client, address), out var own) && now.UtcTicks - own.Ticks <= AnswerLifetime.Ticks) return own.Hit;
        return _anyClient.TryGetValue(address, out var any) && now.UtcTicks - any.Ticks <= AnswerLifetime.Ticks
            ? any.Hit with { Via = "dns" }
            : null;
    }

    private AiHit? MatchAnswer(DnsAnswerSeen dns)
    {
        if (dns.Addresses.Count == 0) return null;
        if (Match(dns.Query) is { } byQuery) return new AiHit(byQuery, dns.Query, "dns");
        foreach (string name in dns.Names)
            if (Match(name) is { } byAlias) return new AiHit(byAlias, name, "dns");
        return null;
    }

    /// <summary><see cref="AiCatalogue.Match"/>, remembered for the last few thousand names.</summary>
    private AiService? Match(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        if (_matched.TryGetValue(name, out var service)) return service;
        service = Catalogue.Match(name);
        if (_matched.Count >= MaxMatched) _matched.Clear();
        _matched[name] = service;
        return service;
    }

    private void Remember(string uid, AiHit hit)
    {
        if (_flows.Count >= MaxEntries) _flows.Clear(); // flows end and are forgotten; this only bounds a leak
        _flows[uid] = hit;
    }

    private void Prune(DateTimeOffset now)
    {
        long cutoff = now.UtcTicks - AnswerLifetime.Ticks;
        foreach (var key in _answers.Where(a => a.Value.Ticks < cutoff).Select(a => a.Key).ToList()) _answers.Remove(key);
        foreach (var key in _anyClient.Where(a => a.Value.Ticks < cutoff).Select(a => a.Key).ToList()) _anyClient.Remove(key);
        if (_answers.Count >= MaxEntries) _answers.Clear();
    }
}
