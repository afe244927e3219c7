using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>
/// The strings of flow records that repeat from flow to flow (addresses, MACs, histories), from small direct-mapped
/// caches: a network has far fewer hosts and history shapes than flows, so most records allocate only their uid and
/// themselves. Bounded (<see cref="Size"/> entries per kind, a miss just replaces the entry). Not thread-safe.
/// </summary>
internal sealed class RecordStrings
{
    private const int Size = 4096;
    private const int Mask = Size - 1;

    private readonly (IpAddr Key, string? Text)[] _ips = new (IpAddr, string?)[Size];
    private readonly (ulong Key, string? Text)[] _macs = new (ulong, string?)[Size];
    private readonly (UInt128 Key, string? Text)[] _histories = new (UInt128, string?)[Size];

    public string Ip(IpAddr ip)
    {
        ref var entry = ref _ips[(int)FlowUid.Mix(ip.Low ^ (ip.High * 31)) & Mask];
        if (entry.Text is null || entry.Key != ip)
        {
            entry = (ip, ip.ToString());
        }

        return entry.Text!;
    }

    public string? Mac(MacAddress mac)
    {
        if (mac.IsZero)
        {
            return null;
        }

        ref var entry = ref _macs[(int)FlowUid.Mix(mac.Value) & Mask];
        if (entry.Text is null || entry.Key != mac.Value)
        {
            entry = (mac.Value, mac.ToString());
        }

        return entry.Text!;
    }

    /// <summary>A history of up to 15 letters is cached by its bytes; longer ones are rare and built each time.</summary>
    public string History(in FlowState f)
    {
        if (f.HistoryLength > 15)
        {
            return f.HistoryString();
        }

        UInt128 key = f.HistoryLength;
        for (int i = 0; i < f.HistoryLength; i++)
        {
            key |= (UInt128)f.History[i] << (8 * (i + 1));
        }

        ulong hash = FlowUid.Mix((ulong)key ^ (ulong)(key >> 64) * 31);
        ref var entry = ref _histories[(int)hash & Mask];
        if (entry.Text is null || entry.Key != key)
        {
            entry = (key, f.HistoryString());
        }

        return entry.Text!;
    }
}
