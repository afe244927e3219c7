using System.Net;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>network:</c> (internal networks, zones, protected devices).</summary>
internal static class NetworkSectionBinder
{
    private const string CidrList = "a list of CIDRs";
    private static readonly string[] Keys = ["internal", "zones", "protected"];
    private static readonly string[] ZoneKeys = ["name", "cidrs", "kind", "vlans"];

    private static readonly ValueKind<ZoneKind> Kind =
        ValueKinds.OneOf(("it", ZoneKind.It), ("ot", ZoneKind.Ot), ("dmz", ZoneKind.Dmz), ("other", ZoneKind.Other));

    private static readonly ValueKind<int> Vlan = ValueKinds.Integer(1, 4094);

    public static NetworkConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "network", Keys) is not { } section)
        {
            return NetworkConfig.Default;
        }

        return new NetworkConfig
        {
            Internal = section.GetList("internal", CidrList, ValueKinds.Network) ?? NetworkConfig.DefaultInternal,
            Zones = BindZones(section),
            Protected = section.GetList("protected", CidrList, ValueKinds.Network) ?? [],
        };
    }

    private static IReadOnlyList<ZoneConfig> BindZones(YamlSection section)
    {
        if (section.GetItems("zones", "a list of zones") is not { } items)
        {
            return [];
        }

        var zones = new List<(ZoneConfig Zone, YamlSection Section)>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{section.PathOf("zones")}[{i}]";
            if (YamlSection.OpenItem(section.Context, items[i], path, ZoneKeys, "a zone") is not { } zone)
            {
                continue;
            }

            var name = zone.Get("name", ValueKinds.Text, required: true);
            var cidrs = zone.GetList("cidrs", CidrList, ValueKinds.Network) ?? [];
            var vlans = zone.GetList("vlans", "a list of VLAN ids", Vlan) ?? [];
            var kind = zone.GetValue("kind", Kind) ?? ZoneKind.It;
            if (!zone.Has("cidrs") && !zone.Has("vlans"))
            {
                section.Context.Error(zone.Node, $"{path}: a zone needs 'cidrs', 'vlans' or both");
            }

            if (name is not null)
            {
                zones.Add((new ZoneConfig(name, cidrs, kind, vlans), zone));
            }
        }

        CheckUnique(section.Context, zones);
        return [.. zones.Select(z => z.Zone)];
    }

    /// <summary>Zone names, VLAN ids and CIDRs each belong to one zone, or <see cref="NetworkConfig.ZoneOf"/> would be ambiguous.</summary>
    private static void CheckUnique(BindContext context, List<(ZoneConfig Zone, YamlSection Section)> zones)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var vlans = new Dictionary<int, string>();
        var cidrs = new Dictionary<IPNetwork, string>();
        foreach (var (zone, section) in zones)
        {
            if (!names.TryAdd(zone.Name, zone.Name))
            {
                context.Error(section["name"]!, $"{section.PathOf("name")}: duplicate zone name '{zone.Name}'");
            }

            foreach (var vlan in zone.Vlans.Distinct())
            {
                if (!vlans.TryAdd(vlan, zone.Name) && vlans[vlan] != zone.Name)
                {
                    context.Error(section["vlans"]!, $"{section.PathOf("vlans")}: VLAN {vlan} is already in zone '{vlans[vlan]}'");
                }
            }

            foreach (var cidr in zone.Cidrs.Distinct())
            {
                if (!cidrs.TryAdd(cidr, zone.Name) && cidrs[cidr] != zone.Name)
                {
                    context.Error(section["cidrs"]!, $"{section.PathOf("cidrs")}: {cidr} is already in zone '{cidrs[cidr]}'");
                }
            }
        }
    }
}
