using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor;

/// <summary>
/// Remembers (MAC, IP) pairs already reported, bounded FIFO: the oldest pair is forgotten first. A small
/// direct-mapped cache of recent pairs answers the common repeat without touching the large set.
/// </summary>
internal sealed class DeviceTracker
{
    private const int CacheSize = 4096;
    private readonly HashSet<(ulong Mac, IpAddr Ip)> _seen;
    private readonly (ulong Mac, IpAddr Ip)[] _order;
    private readonly (ulong Mac, IpAddr Ip)[] _recent = new (ulong, IpAddr)[CacheSize];
    private int _next;

    public DeviceTracker(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _seen = new HashSet<(ulong, IpAddr)>(Math.Min(capacity, 4096));
        _order = new (ulong, IpAddr)[capacity];
    }

    /// <summary>True the first time a pair is offered (or again after it was forgotten).</summary>
    public bool Add(MacAddress mac, IpAddr ip)
    {
        var key = (mac.Value, ip);
        int hash = key.GetHashCode();
        ref (ulong Mac, IpAddr Ip) cached = ref _recent[(hash ^ (hash >> 16)) & (CacheSize - 1)];
        if (cached == key)
        {
            return false;
        }

        bool added = _seen.Add(key);
        cached = key;
        if (!added)
        {
            return false;
        }

        if (_seen.Count > _order.Length)
        {
            var forgotten = _order[_next];
            _seen.Remove(forgotten);
            ref (ulong Mac, IpAddr Ip) stale = ref _recent[(forgotten.GetHashCode() ^ (forgotten.GetHashCode() >> 16)) & (CacheSize - 1)];
            if (stale == forgotten)
            {
                stale = default;
            }
        }

        _order[_next] = key;
        _next = (_next + 1) % _order.Length;
        return true;
    }

    /// <summary>Whether an address can name a device: not unspecified, broadcast or multicast.</summary>
    public static bool IsDeviceAddress(IpAddr ip) => !ip.IsUnspecified && !ip.IsBroadcast && !ip.IsMulticast;
}
