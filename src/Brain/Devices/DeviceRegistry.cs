using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Devices;

/// <summary>What the brain knows of one internal device.</summary>
public sealed class DeviceProfile(string ip, DateTimeOffset firstSeen)
{
    public string Ip { get; } = ip;
    public string? Mac { get; set; }
    public string? Hostname { get; set; }
    public int? Vlan { get; set; }
    public ZoneConfig? Zone { get; set; }
    public DateTimeOffset FirstSeen { get; } = firstSeen;
    public DateTimeOffset LastSeen { get; set; } = firstSeen;

    public DeviceRef ToRef() => new(Ip, Mac, Hostname, Zone?.Name);
}

/// <summary>
/// Internal devices keyed by IP, with MAC, host name and zone as the sensor reports them.
/// External addresses are not devices; <see cref="IsInternal"/> decides.
/// </summary>
public sealed class DeviceRegistry(NetworkConfig network)
{
    private readonly Dictionary<string, DeviceProfile> _byIp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _internal = new(StringComparer.Ordinal);

    public int Count => _byIp.Count;

    public IEnumerable<DeviceProfile> All => _byIp.Values;

    public bool IsInternal(string ip)
    {
        if (_internal.TryGetValue(ip, out bool known)) return known;
        bool result = IPAddress.TryParse(ip, out var address) && network.IsInternal(address);
        if (_internal.Count < 1_000_000) _internal[ip] = result;
        return result;
    }

    public DeviceProfile? Find(string ip) => _byIp.GetValueOrDefault(ip);

    /// <summary>Returns the device for an internal address, creating it on first sight; null for external ones.</summary>
    public DeviceProfile? Touch(string ip, DateTimeOffset time, string? mac = null, int? vlan = null)
    {
        if (!IsInternal(ip)) return null;
        if (!_byIp.TryGetValue(ip, out var device))
        {
            device = new DeviceProfile(ip, time);
            _byIp[ip] = device;
        }
        if (time > device.LastSeen) device.LastSeen = time;
        if (mac is not null) device.Mac = mac;
        if (vlan is not null) device.Vlan = vlan;
        if (device.Zone is null || vlan is not null)
            device.Zone = IPAddress.TryParse(ip, out var address) ? network.ZoneOf(address, device.Vlan) : null;
        return device;
    }

    public void Observe(NetworkEvent e)
    {
        switch (e)
        {
            case DeviceSeen seen:
                var device = Touch(seen.Ip, seen.Time, seen.Mac, seen.Vlan);
                if (device is not null && seen.Hostname is not null) device.Hostname = seen.Hostname;
                break;
            case FlowObserved flow:
                Touch(flow.Flow.OrigIp, flow.Flow.Start, flow.Flow.OrigMac, flow.Flow.Vlan);
                Touch(flow.Flow.RespIp, flow.Flow.Start, flow.Flow.RespMac, flow.Flow.Vlan);
                break;
        }
    }
}
