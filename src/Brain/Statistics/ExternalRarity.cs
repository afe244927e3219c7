using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Rarity of external endpoints (DETECTION.md §2.0). k_e = distinct internal devices (other than the subject)
/// that contacted endpoint key e in the last 30 days; N = devices active in that period;
/// p_e = (k_e + ½)/(N + 1) (Jeffreys); rare ⇔ k_e ≤ max(1, ⌊0.01·N⌋); new-for-org ⇔ k_e = 0. An endpoint has
/// several keys (name = SNI or certificate CN, IP, /24); the least rare one wins so that CDN address churn
/// does not look rare.
/// </summary>
public sealed class ExternalRarity
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(30);

    /// <summary>Beyond this many devices an endpoint is common for any realistic N; more are not tracked.</summary>
    private const int MaxDevicesPerKey = 4096;

    private readonly Dictionary<string, Dictionary<string, long>> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _networks = new(StringComparer.Ordinal);
    private long _nextPrune;

    public static string IpKey(string ip) => "ip:" + ip;

    public static string NameKey(string name) => "name:" + name.ToLowerInvariant();

    /// <summary>The /24 (IPv4) or /48 (IPv6) aggregate key of an address.</summary>
    public string NetworkKey(string ip)
    {
        if (_networks.TryGetValue(ip, out var key)) return key;
        int cut = ip.LastIndexOf('.');
        if (cut < 0)
        {
            int colons = 0, i = 0;
            for (; i < ip.Length && colons < 3; i++) if (ip[i] == ':') colons++;
            cut = i;
        }
        key = "net:" + ip[..cut];
        if (_networks.Count > 100_000) _networks.Clear();
        _networks[ip] = key;
        return key;
    }

    /// <summary>Marks an internal device active (it counts towards N).</summary>
    public void Active(string device, DateTimeOffset now)
    {
        _active[device] = now.UtcTicks;
        if (now.UtcTicks >= _nextPrune) Prune(now);
    }

    public void Contact(string key, string device, DateTimeOffset now)
    {
        if (!_contacts.TryGetValue(key, out var devices)) _contacts[key] = devices = new(StringComparer.Ordinal);
        if (devices.Count < MaxDevicesPerKey || devices.ContainsKey(device)) devices[device] = now.UtcTicks;
    }

    /// <summary>True when <paramref name="device"/> contacted <paramref name="key"/> within the lookback.</summary>
    public bool Contacted(string key, string device, DateTimeOffset now) =>
        _contacts.TryGetValue(key, out var devices) && devices.TryGetValue(device, out long t) && now.UtcTicks - t <= Lookback.Ticks;

    /// <summary>k_e: distinct devices other than <paramref name="subject"/> that contacted the key within the lookback.</summary>
    public int OtherDevices(string key, string subject, DateTimeOffset now, int stopAbove = int.MaxValue)
    {
        if (!_contacts.TryGetValue(key, out var devices)) return 0;
        int k = 0;
        foreach (var (device, t) in devices)
            if (now.UtcTicks - t <= Lookback.Ticks && !string.Equals(device, subject, StringComparison.Ordinal) && ++k > stopAbove) break;
        return k;
    }

    /// <summary>True when every key of an endpoint is rare (cheap: counting stops above the rarity threshold).</summary>
    public bool IsRare(string subject, DateTimeOffset now, string key1, string key2)
    {
        int limit = Math.Max(1, ActiveDevices(now) / 100);
        return OtherDevices(key1, subject, now, limit) <= limit && OtherDevices(key2, subject, now, limit) <= limit;
    }

    /// <summary>N: devices active within the lookback (at least 1; devices silent for longer are dropped daily).</summary>
    public int ActiveDevices(DateTimeOffset now) => Math.Max(1, _active.Count);

    /// <summary>Assesses an endpoint by its least rare key.</summary>
    public Rarity Assess(string subject, DateTimeOffset now, string key1, string? key2 = null, string? key3 = null)
    {
        int n = ActiveDevices(now);
        var best = (Key: key1, K: OtherDevices(key1, subject, now));
        foreach (string? key in (ReadOnlySpan<string?>)[key2, key3])
        {
            if (key is null) continue;
            int k = OtherDevices(key, subject, now);
            if (k > best.K) best = (key, k);
        }
        return new Rarity(best.Key, best.K, n);
    }

    public IEnumerable<TableSnapshot> Export()
    {
        var contacts = new List<SnapshotRow>();
        foreach (var (key, devices) in _contacts)
            foreach (var (device, t) in devices) contacts.Add(new SnapshotRow(SnapshotKey.Join(key, device), null, [t]));
        var active = new List<SnapshotRow>();
        foreach (var (device, t) in _active) active.Add(new SnapshotRow(device, null, [t]));
        yield return new TableSnapshot("external.contacts", contacts);
        active.Add(new SnapshotRow("\0next-prune", null, [_nextPrune]));
        yield return new TableSnapshot("external.active", active);
    }

    public void Import(StateSnapshot state)
    {
        _contacts.Clear();
        _active.Clear();
        _nextPrune = 0;
        foreach (var row in state.Table("external.contacts")?.Rows ?? [])
        {
            int cut = row.Key.LastIndexOf(SnapshotKey.Separator);
            Contact(row.Key[..cut], row.Key[(cut + 1)..], new DateTimeOffset(row.Time(0), TimeSpan.Zero));
        }
        foreach (var row in state.Table("external.active")?.Rows ?? [])
        {
            if (row.Key == "\0next-prune") _nextPrune = row.Time(0);
            else _active[row.Key] = row.Time(0);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        _nextPrune = now.UtcTicks + TimeSpan.TicksPerDay;
        long cutoff = now.UtcTicks - Lookback.Ticks;
        List<string>? empty = null;
        foreach (var (key, devices) in _contacts)
        {
            List<string>? stale = null;
            foreach (var (device, t) in devices) if (t < cutoff) (stale ??= []).Add(device);
            if (stale is not null) foreach (var device in stale) devices.Remove(device);
            if (devices.Count == 0) (empty ??= []).Add(key);
        }
        if (empty is not null) foreach (var key in empty) _contacts.Remove(key);
        List<string>? gone = null;
        foreach (var (device, t) in _active) if (t < cutoff) (gone ??= []).Add(device);
        if (gone is not null) foreach (var device in gone) _active.Remove(device);
    }
}

/// <summary>The rarity of an external endpoint by its least rare key.</summary>
public readonly record struct Rarity(string Key, int K, int N)
{
    /// <summary>p_e = (k + ½)/(N + 1).</summary>
    public double P => (K + 0.5) / (N + 1);

    public bool IsRare => K <= Math.Max(1, N / 100);

    public bool IsNewForOrg => K == 0;
}
