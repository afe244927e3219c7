using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Decayed counts of a categorical variable per scope (a device, a zone, the organisation), with the
/// level tail DETECTION.md §2.0 needs. Values are kept per scope so that one scope's values can be
/// enumerated without scanning the others.
/// </summary>
public sealed class CategoricalCounts<TValue>(Func<TValue, string> encode, Func<string, TValue> decode,
    IEqualityComparer<TValue>? comparer = null) where TValue : notnull
{
    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);
    private LastLookups<Scope> _recent; // the last two scopes found (callers repeat the same scope strings)

    public int ScopeCount => _scopes.Count;

    /// <summary>
    /// Adds <paramref name="amount"/> to (scope, value) and to the scope's total. With a positive
    /// <paramref name="dedupe"/>, a value is counted at most once per that period (so a chatty subject
    /// counts "value-hours", not packets). Returns false when the add was skipped.
    /// </summary>
    public bool Add(string scope, TValue value, DateTimeOffset now, TimeSpan halfLife, TimeSpan dedupe = default, double amount = 1)
    {
        if (!TryScope(scope, out var s)) _scopes[scope] = s = new Scope(comparer);
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(s.Values, value, out bool existed);
        if (existed && dedupe > TimeSpan.Zero && now.UtcTicks - count.RawTicks < dedupe.Ticks && count.RawValue > 0) return false;
        count.Add(amount, now, halfLife);
        s.Total.Add(amount, now, halfLife);
        if (!existed && s.Values.Count >= s.NextPrune) Prune(s, now, halfLife);
        return true;
    }

    public double Count(string scope, TValue value, DateTimeOffset now, TimeSpan halfLife) =>
        TryScope(scope, out var s) && s.Values.TryGetValue(value, out var c) ? c.ValueAt(now, halfLife) : 0;

    public double Total(string scope, DateTimeOffset now, TimeSpan halfLife) =>
        TryScope(scope, out var s) ? s.Total.ValueAt(now, halfLife) : 0;

    /// <summary>Number of values the scope has seen (including ones decayed to almost nothing).</summary>
    public int Distinct(string scope) => TryScope(scope, out var s) ? s.Values.Count : 0;

    /// <summary>The scope's values with their decayed counts (for evidence and enumeration, not the hot path).</summary>
    public IEnumerable<(TValue Value, double Count)> Values(string scope, DateTimeOffset now, TimeSpan halfLife)
    {
        if (!TryScope(scope, out var s)) yield break;
        foreach (var (value, count) in s.Values) yield return (value, count.ValueAt(now, halfLife));
    }

    /// <summary>
    /// Level tail of a value the scope knows: the mass of values at most as frequent as it, plus the mass
    /// reserved for unseen values, (Σ_{u: n_u ≤ n_v} n_u + c) / (n + c). The backoff share c·P(u|parent)/(n+c)
    /// of known values is left out (it is small once a value is known). With <paramref name="exclude"/>, that
    /// scope's counts are taken out first (leave-own-out: a device's own data is not evidence about its group).
    /// </summary>
    public double LevelTail(string scope, TValue value, double concentration, DateTimeOffset now, TimeSpan halfLife,
        string? exclude = null)
    {
        if (!TryScope(scope, out var s)) return 1;
        Scope? own = exclude is not null && TryScope(exclude, out var o) ? o : null;
        double nv = Net(s, own, value, now, halfLife);
        double below = 0;
        foreach (var (u, count) in s.Values)
        {
            double n = count.ValueAt(now, halfLife);
            if (own is not null && own.Values.TryGetValue(u, out var mine)) n = Math.Max(0, n - mine.ValueAt(now, halfLife));
            if (n <= nv) below += n;
        }
        double total = s.Total.ValueAt(now, halfLife) - (own?.Total.ValueAt(now, halfLife) ?? 0);
        return Math.Min(1, (below + concentration) / (Math.Max(0, total) + concentration));
    }

    /// <summary>Count of (scope, value) minus the same count of <paramref name="exclude"/> (never negative).</summary>
    public double CountExcluding(string scope, TValue value, string? exclude, DateTimeOffset now, TimeSpan halfLife) =>
        TryScope(scope, out var s) ? Net(s, exclude is not null && TryScope(exclude, out var o) ? o : null, value, now, halfLife) : 0;

    /// <summary>Total of a scope minus the total of <paramref name="exclude"/> (never negative).</summary>
    public double TotalExcluding(string scope, string? exclude, DateTimeOffset now, TimeSpan halfLife) =>
        Math.Max(0, Total(scope, now, halfLife) - (exclude is null ? 0 : Total(exclude, now, halfLife)));

    private static double Net(Scope s, Scope? own, TValue value, DateTimeOffset now, TimeSpan halfLife)
    {
        double n = s.Values.TryGetValue(value, out var c) ? c.ValueAt(now, halfLife) : 0;
        if (own is not null && own.Values.TryGetValue(value, out var mine)) n -= mine.ValueAt(now, halfLife);
        return Math.Max(0, n);
    }

    public void Remove(string scope)
    {
        _scopes.Remove(scope);
        _recent = default;
    }

    private bool TryScope(string scope, out Scope s)
    {
        if (_recent.TryGet(scope, out s)) return true;
        if (!_scopes.TryGetValue(scope, out s!)) return false;
        _recent.Remember(scope, s);
        return true;
    }

    public IEnumerable<TableSnapshot> Export(string name)
    {
        var rows = new List<SnapshotRow>();
        var totals = new List<SnapshotRow>();
        foreach (var (scope, s) in _scopes)
        {
            totals.Add(new SnapshotRow(scope, [s.Total.RawValue], [s.Total.RawTicks]));
            foreach (var (value, count) in s.Values)
                rows.Add(new SnapshotRow(SnapshotKey.Join(scope, encode(value)), [count.RawValue], [count.RawTicks]));
        }
        yield return new TableSnapshot(name, rows);
        yield return new TableSnapshot(name + ".totals", totals);
    }

    public void Import(StateSnapshot state, string name)
    {
        _scopes.Clear();
        _recent = default;
        foreach (var row in state.Table(name + ".totals")?.Rows ?? [])
            _scopes[row.Key] = new Scope(comparer) { Total = DecayedCount.FromRaw(row.Value(0), row.Time(0)) };
        foreach (var row in state.Table(name)?.Rows ?? [])
        {
            int cut = row.Key.IndexOf(SnapshotKey.Separator, StringComparison.Ordinal);
            string scope = row.Key[..cut];
            if (!TryScope(scope, out var s)) _scopes[scope] = s = new Scope(comparer);
            s.Values[decode(row.Key[(cut + 1)..])] = DecayedCount.FromRaw(row.Value(0), row.Time(0));
        }
    }

    private static void Prune(Scope s, DateTimeOffset now, TimeSpan halfLife)
    {
        List<TValue>? stale = null;
        foreach (var (value, count) in s.Values)
            if (count.ValueAt(now, halfLife) < 0.01) (stale ??= []).Add(value);
        if (stale is not null) foreach (var value in stale) s.Values.Remove(value);
        s.NextPrune = Math.Max(64, s.Values.Count * 2);
    }

    private sealed class Scope(IEqualityComparer<TValue>? comparer)
    {
        public readonly Dictionary<TValue, DecayedCount> Values = new(comparer);
        public DecayedCount Total;
        public int NextPrune = 64;
    }
}
