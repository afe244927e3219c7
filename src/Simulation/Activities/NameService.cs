using AutoRespond.Sensor.Decoding;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Activities;

/// <summary>
/// DNS as an office sees it: clients ask the domain controller, which answers from its cache or asks a public
/// resolver first. Clients and server cache answers for their TTL, so a busy PC does not ask for every
/// connection. Names it does not know (wpad, ...) get NXDOMAIN.
/// </summary>
internal sealed class NameService(Simulator sim, SimHost server, IReadOnlyList<SimHost> upstream)
{
    private readonly Dictionary<(SimHost Client, string Name), DateTimeOffset> _clientCache = [];
    private readonly Dictionary<string, DateTimeOffset> _serverCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IpAddr[] Addresses, uint Ttl, bool External)> _zone = new(StringComparer.Ordinal);

    public SimHost Server => server;

    /// <summary>Makes <paramref name="name"/> resolvable; external names go through the forwarders on a cache miss.</summary>
    public void Register(string name, SimHost host, uint ttl, bool external = true) =>
        _zone[name] = ([host.Address], ttl, external);

    /// <summary>Looks <paramref name="name"/> up for <paramref name="client"/> at <paramref name="time"/>; returns when the answer is in.</summary>
    public DateTimeOffset Resolve(SimHost client, string name, DateTimeOffset time)
    {
        bool known = _zone.TryGetValue(name, out var entry);
        if (_clientCache.TryGetValue((client, name), out var expires) && expires > time) return time;
        ushort id = (ushort)sim.Random.Next(ushort.MaxValue);
        ushort port = client.NextPort();
        sim.Udp(time, client, server, port, Dns.Port, Dns.Query(id, name));
        var t = time + client.Latency + server.Latency + TimeSpan.FromMicroseconds(120 + sim.Random.Next(300));
        if (known && entry.External && !(_serverCache.TryGetValue(name, out var cached) && cached > t))
        {
            var resolver = upstream[sim.Random.Next(upstream.Count)];
            ushort upstreamId = (ushort)sim.Random.Next(ushort.MaxValue);
            ushort upstreamPort = server.NextPort();
            sim.Udp(t, server, resolver, upstreamPort, Dns.Port, Dns.Query(upstreamId, name));
            t += 2 * resolver.Latency + TimeSpan.FromMilliseconds(sim.Random.Next(1, 25));
            sim.Udp(t, resolver, server, Dns.Port, upstreamPort, Dns.Response(upstreamId, name, entry.Addresses, entry.Ttl));
            _serverCache[name] = t + TimeSpan.FromSeconds(entry.Ttl);
            t += TimeSpan.FromMicroseconds(80);
        }
        sim.Udp(t, server, client, Dns.Port, port, Dns.Response(id, name, known ? entry.Addresses : [], known ? entry.Ttl : 0));
        if (known) _clientCache[(client, name)] = t + TimeSpan.FromSeconds(entry.Ttl);
        return t + client.Latency + TimeSpan.FromMicroseconds(50);
    }
}
