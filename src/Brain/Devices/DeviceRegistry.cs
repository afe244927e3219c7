using System.Net;
using System.Net.Sockets;
using AutoRespond.Brain.Models;
using AutoRespond.Brain.Statistics;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Devices;

/// <summary>
/// Internal devices (DETECTION.md §2.0 "Entities"). Identity is the MAC when the sensor sees the device's
/// L2 segment (DeviceSeen, DHCP), linked to its current address and host name, so a DHCP renewal does not
/// make a device new; a MAC seen behind two live addresses of one family at once is a router's and is never
/// an identity. Randomised MACs (locally administered) are keyed by the DHCP client id. The zone comes from
/// the VLAN or the CIDR map; roles are learnt from ICS traffic. External addresses are not devices.
/// </summary>
public sealed partial class DeviceRegistry(NetworkConfig network)
{
    /// <summary>An address whose device was silent this long may move to the device's MAC elsewhere.</summary>
    public static readonly TimeSpan QuietBeforeMove = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, DeviceProfile> _byIp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceProfile> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceProfile> _byIdentity = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sharedMacs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AddressKind> _kinds = new(StringComparer.Ordinal);

    // The addresses of the last two lookups, by reference: one event's models ask about the same one or two address
    // strings over and over. Kinds never change; found devices are forgotten whenever an address moves or is added.
    private LastLookups<DeviceProfile?> _found;
    private LastLookups<AddressKind> _kind;

    private enum AddressKind : byte { Internal, External, NotADevice }

    public NetworkConfig Network { get; } = network;

    public int Count => _byId.Count;

    public IEnumerable<DeviceProfile> All => _byId.Values;

    public bool IsInternal(string ip) => Kind(ip) == AddressKind.Internal;

    /// <summary>A unicast address outside the internal networks (multicast, broadcast and unparsable ones are neither).</summary>
    public bool IsExternal(string ip) => Kind(ip) == AddressKind.External;

    public DeviceProfile? Find(string ip)
    {
        if (_found.TryGet(ip, out var device)) return device;
        device = _byIp.GetValueOrDefault(ip);
        _found.Remember(ip, device);
        return device;
    }

    public DeviceProfile? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Returns the device for an internal address, creating it on first sight; null for other addresses. A VLAN
    /// from the device's own packets (<paramref name="authoritative"/>: DeviceSeen, DHCP) always applies; one from
    /// a flow only fills a gap, since a flow's tag is where the sensor saw it, not necessarily the responder's segment.
    /// </summary>
    public DeviceProfile? Touch(string ip, DateTimeOffset time, string? mac = null, int? vlan = null, bool authoritative = false)
    {
        var device = Find(ip);
        if (device is not null && string.Equals(device.Ip, ip, StringComparison.Ordinal))
        {
            // A known device's address kind is kept on the device (one lookup per event instead of two).
            device.IpIsInternal ??= IsInternal(ip);
            if (!device.IpIsInternal.Value) return null;
            if (!_kind.TryGet(ip, out _)) _kind.Remember(ip, AddressKind.Internal);
        }
        else if (!IsInternal(ip)) return null;
        device ??= Create(ip, null, time);
        if (time > device.LastSeen) device.LastSeen = time;
        if (mac is not null && !_sharedMacs.Contains(mac) && (device.Mac is null || device.Mac == mac)) device.Mac = mac;
        bool vlanChanged = vlan is not null && (authoritative || device.Vlan is null) && device.Vlan != vlan;
        if (vlanChanged) device.Vlan = vlan;
        if (!device.ZoneResolved || vlanChanged) device.Zone = ZoneOf(device.Ip, device.Vlan);
        return device;
    }

    /// <summary>Updates identities, addresses and zones from an event; learns roles unless <paramref name="learn"/> is false.</summary>
    public void Observe(NetworkEvent e, bool learn = true)
    {
        switch (e)
        {
            case DeviceSeen seen:
                var device = Seen(seen.Ip, seen.Mac, seen.Time);
                if (device is null) break;
                Touch(device.Ip, seen.Time, null, seen.Vlan, authoritative: true);
                if (seen.Hostname is not null) device.Hostname = seen.Hostname;
                break;
            case DhcpSeen dhcp:
                Dhcp(dhcp);
                break;
            case FlowObserved flow:
                Touch(flow.Flow.OrigIp, flow.Flow.Start, flow.Flow.OrigMac, flow.Flow.Vlan);
                Touch(flow.Flow.RespIp, flow.Flow.Start, flow.Flow.RespMac);
                if (learn) LearnRoles(flow);
                break;
            case TlsHelloSeen hello:
                Touch(hello.Client, hello.Time);
                Touch(hello.Server, hello.Time);
                break;
            case TlsCertificateSeen cert:
                Touch(cert.Client, cert.Time);
                Touch(cert.Server, cert.Time);
                break;
            case RdpRequestSeen rdp:
                Touch(rdp.Client, rdp.Time);
                Touch(rdp.Server, rdp.Time);
                break;
            case IcsCommandSeen command:
                var client = Touch(command.Client, command.Time);
                var server = Touch(command.Server, command.Time);
                if (!learn) break;
                client?.Evidence(DeviceRole.IcsClient, command.Time);
                if (IcsSemantics.IsProgramTransfer(command)) client?.Evidence(DeviceRole.EngineeringWorkstation, command.Time);
                if (!string.Equals(command.Outcome, "unknown", StringComparison.OrdinalIgnoreCase))
                    server?.Evidence(DeviceRole.IcsServer, command.Time);
                break;
        }
    }

    private DeviceProfile? Seen(string ip, string? mac, DateTimeOffset time)
    {
        if (!IsInternal(ip)) return null;
        if (mac is null || _sharedMacs.Contains(mac)) return Touch(ip, time);
        string identity = "mac:" + mac.ToLowerInvariant();
        var current = _byIp.GetValueOrDefault(ip);
        if (_byIdentity.TryGetValue(identity, out var owner) && owner != current)
        {
            bool sameFamily = owner.Ip.Contains(':') == ip.Contains(':');
            if (sameFamily && time - owner.LastSeen >= QuietBeforeMove && current?.Mac is null) return Move(owner, ip, time);
            if (sameFamily && time - owner.LastSeen < QuietBeforeMove)
            {
                // Two live addresses behind one MAC: a router, NAT or proxy-ARP host. Never an identity again.
                _sharedMacs.Add(mac);
                _byIdentity.Remove(identity);
                if (owner.Mac == mac) owner.Mac = null;
                return Touch(ip, time);
            }
        }
        current ??= Create(ip, mac, time);
        current.Mac ??= mac;
        if (current.Mac == mac) _byIdentity.TryAdd(identity, current);
        return Touch(ip, time);
    }

    private void Dhcp(DhcpSeen dhcp)
    {
        string? ip = dhcp.AssignedIp ?? dhcp.ClientIp;
        if (ip is null || !IsInternal(ip) || !string.Equals(dhcp.MessageType, "ACK", StringComparison.OrdinalIgnoreCase))
            return;
        bool randomised = IsLocallyAdministered(dhcp.Mac);
        string identity = randomised && (dhcp.ClientId ?? dhcp.Hostname) is { } stable ? "cid:" + stable : "mac:" + dhcp.Mac.ToLowerInvariant();
        DeviceProfile device;
        if (_byIdentity.TryGetValue(identity, out var owner)) device = owner.Ip == ip ? owner : Move(owner, ip, dhcp.Time);
        else
        {
            var current = _byIp.GetValueOrDefault(ip);
            device = current is not null && (current.Mac is null || string.Equals(current.Mac, dhcp.Mac, StringComparison.OrdinalIgnoreCase))
                ? current
                : Create(ip, dhcp.Mac, dhcp.Time, replace: true);
            _byIdentity[identity] = device;
        }
        device.Mac = dhcp.Mac;
        if (dhcp.Hostname is not null) device.Hostname = dhcp.Hostname;
        Touch(ip, dhcp.Time, null, dhcp.Vlan, authoritative: true);
    }

    private void LearnRoles(FlowObserved observed)
    {
        var flow = observed.Flow;
        if (observed.Phase != FlowPhase.Ended || !IcsPorts.IsIcsPort(flow.Proto, flow.RespPort)) return;
        bool answered = flow.Proto == "tcp" ? flow.History.Contains('d') : flow.RespBytes > 0;
        if (!answered) return;
        Find(flow.RespIp)?.Evidence(DeviceRole.IcsServer, observed.Time);
        if (flow.Proto != "tcp" || flow.History.Contains('D')) Find(flow.OrigIp)?.Evidence(DeviceRole.IcsClient, observed.Time);
    }

    private DeviceProfile Create(string ip, string? mac, DateTimeOffset time, bool replace = false)
    {
        string id = mac is not null && !_byId.ContainsKey(mac.ToLowerInvariant()) ? mac.ToLowerInvariant() : ip;
        for (int n = 2; _byId.ContainsKey(id); n++) id = ip + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var device = new DeviceProfile(id, ip, time) { Mac = mac };
        _found = default;
        _byId[id] = device;
        if (replace || !_byIp.ContainsKey(ip)) _byIp[ip] = device;
        device.Zone = ZoneOf(ip, null);
        return device;
    }

    private DeviceProfile Move(DeviceProfile device, string ip, DateTimeOffset time)
    {
        _found = default;
        if (_byIp.TryGetValue(device.Ip, out var holder) && holder == device) _byIp.Remove(device.Ip);
        device.Ip = ip;
        _byIp[ip] = device;
        device.Zone = ZoneOf(ip, device.Vlan);
        if (time > device.LastSeen) device.LastSeen = time;
        return device;
    }

    private ZoneConfig? ZoneOf(string ip, int? vlan) =>
        IPAddress.TryParse(ip, out var address) ? Network.ZoneOf(address, vlan) : null;

    private AddressKind Kind(string ip)
    {
        if (_kind.TryGet(ip, out var known)) return known;
        known = KindOf(ip);
        _kind.Remember(ip, known);
        return known;
    }

    private AddressKind KindOf(string ip)
    {
        if (_kinds.TryGetValue(ip, out var known)) return known;
        var kind = AddressKind.NotADevice;
        if (IPAddress.TryParse(ip, out var address))
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            bool special = address.AddressFamily == AddressFamily.InterNetwork
                ? IsSpecialV4(address)
                : address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any);
            if (!special && !IsZoneBroadcast(address)) kind = Network.IsInternal(address) ? AddressKind.Internal : AddressKind.External;
        }
        if (_kinds.Count >= 1_000_000) _kinds.Clear();
        _kinds[ip] = kind;
        return kind;
    }

    /// <summary>The directed broadcast address of a configured IPv4 zone network (/30 or wider) is not a device.</summary>
    private bool IsZoneBroadcast(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork) return false;
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        uint value = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        foreach (var zone in Network.Zones)
            foreach (var cidr in zone.Cidrs)
                if (cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork && cidr.PrefixLength <= 30 && cidr.Contains(address)
                    && (value | (uint.MaxValue >> cidr.PrefixLength)) == value)
                    return true;
        return false;
    }

    private static bool IsSpecialV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] >= 224 || b[0] == 0;
    }

    private static bool IsLocallyAdministered(string mac) =>
        mac.Length >= 2 && int.TryParse(mac.AsSpan(0, 2), System.Globalization.NumberStyles.HexNumber, null, out int octet)
        && (octet & 0x02) != 0;
}
