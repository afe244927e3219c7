using System.Net;

namespace AutoRespond.Configuration;

/// <summary>The <c>network:</c> section: what is internal, the named zones and the protected devices.</summary>
public sealed record NetworkConfig
{
    /// <summary>
    /// Internal networks when <c>internal:</c> is absent (DETECTION.md §2.0): RFC 1918, 100.64.0.0/10 (CGNAT),
    /// 169.254.0.0/16 and fe80::/10 (link-local), 127.0.0.0/8 and ::1/128 (loopback), fc00::/7 (ULA).
    /// </summary>
    public static IReadOnlyList<IPNetwork> DefaultInternal { get; } =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("::1/128"),
    ];

    /// <summary>The section's defaults: <see cref="DefaultInternal"/>, no zones, nothing protected.</summary>
    public static NetworkConfig Default { get; } = new();

    /// <summary>Internal networks; everything else is external. A configured list replaces <see cref="DefaultInternal"/>.</summary>
    public IReadOnlyList<IPNetwork> Internal { get; init; } = DefaultInternal;

    /// <summary>Named segments. Names are unique; a VLAN id belongs to at most one zone.</summary>
    public IReadOnlyList<ZoneConfig> Zones { get; init; } = [];

    /// <summary>Devices and networks that are never actioned, whatever the policy.</summary>
    public IReadOnlyList<IPNetwork> Protected { get; init; } = [];

    /// <summary>True when <paramref name="ip"/> lies in one of the <see cref="Internal"/> networks.</summary>
    public bool IsInternal(IPAddress ip) => ContainedInAny(Internal, Normalize(ip));

    /// <summary>True when <paramref name="ip"/> lies in one of the <see cref="Protected"/> networks.</summary>
    public bool IsProtected(IPAddress ip) => ContainedInAny(Protected, Normalize(ip));

    /// <summary>
    /// The zone of a device: the first zone that lists <paramref name="vlan"/>, otherwise the zone with the
    /// most specific CIDR containing <paramref name="ip"/>, otherwise null.
    /// </summary>
    public ZoneConfig? ZoneOf(IPAddress ip, int? vlan)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (vlan is { } id)
        {
            foreach (var zone in Zones)
            {
                if (zone.Vlans.Contains(id))
                {
                    return zone;
                }
            }
        }

        var address = Normalize(ip);
        ZoneConfig? best = null;
        var bestLength = -1;
        foreach (var zone in Zones)
        {
            foreach (var cidr in zone.Cidrs)
            {
                if (cidr.PrefixLength > bestLength && cidr.Contains(address))
                {
                    best = zone;
                    bestLength = cidr.PrefixLength;
                }
            }
        }

        return best;
    }

    /// <summary>Looks a zone up by its exact (case-sensitive) name.</summary>
    public ZoneConfig? FindZone(string name)
    {
        foreach (var zone in Zones)
        {
            if (string.Equals(zone.Name, name, StringComparison.Ordinal))
            {
                return zone;
            }
        }

        return null;
    }

    private static IPAddress Normalize(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        return ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
    }

    private static bool ContainedInAny(IReadOnlyList<IPNetwork> networks, IPAddress ip)
    {
        foreach (var network in networks)
        {
            if (network.BaseAddress.AddressFamily == ip.AddressFamily && network.Contains(ip))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A named segment. <paramref name="Vlans"/> (802.1Q ids 1..4094) is an additive extension to CONTRACT.md:
/// traffic tagged with one of them belongs to the zone whatever its address.
/// </summary>
public sealed record ZoneConfig(string Name, IReadOnlyList<IPNetwork> Cidrs, ZoneKind Kind, IReadOnlyList<int> Vlans);

/// <summary>The kind of a zone: <c>it</c> (default), <c>ot</c>, <c>dmz</c> or <c>other</c>.</summary>
public enum ZoneKind
{
    /// <summary><c>it</c>: office and data-centre computing.</summary>
    It,

    /// <summary><c>ot</c>: operational technology (ICS).</summary>
    Ot,

    /// <summary><c>dmz</c>: exposed services.</summary>
    Dmz,

    /// <summary><c>other</c>.</summary>
    Other,
}
