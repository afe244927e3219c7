using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>Decayed (successes, trials) per key, the data of a Beta–Bernoulli feature at one level.</summary>
public sealed class BernoulliTable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Add(string key, bool success, DateTimeOffset now, TimeSpan halfLife)
    {
        if (!_entries.TryGetValue(key, out var e)) _entries[key] = e = new Entry();
        e.Trials.Add(1, now, halfLife);
        if (success) e.Successes.Add(1, now, halfLife);
    }

    public (double Successes, double Trials) Get(string key, DateTimeOffset now, TimeSpan halfLife) =>
        _entries.TryGetValue(key, out var e) ? (e.Successes.ValueAt(now, halfLife), e.Trials.ValueAt(now, halfLife)) : (0, 0);

    /// <summary>The Beta–Bernoulli predictive of <paramref name="key"/> with κ pseudo-observations at <paramref name="groupRate"/>.</summary>
    public double Predictive(string key, double groupRate, DateTimeOffset now, TimeSpan halfLife)
    {
        var (x, n) = Get(key, now, halfLife);
        return BetaBernoulli.Predictive(x, n, groupRate);
    }

    /// <summary>Jeffreys-smoothed rate of <paramref name="key"/> (the top of a hierarchy).</summary>
    public double Jeffreys(string key, DateTimeOffset now, TimeSpan halfLife)
    {
        var (x, n) = Get(key, now, halfLife);
        return BetaBernoulli.Jeffreys(x, n);
    }

    public TableSnapshot Export(string name)
    {
        var rows = new List<SnapshotRow>(_entries.Count);
        foreach (var (key, e) in _entries)
            rows.Add(new SnapshotRow(key, [e.Successes.RawValue, e.Trials.RawValue], [e.Successes.RawTicks, e.Trials.RawTicks]));
        return new TableSnapshot(name, rows);
    }

    public void Import(StateSnapshot state, string name)
    {
        _entries.Clear();
        foreach (var row in state.Table(name)?.Rows ?? [])
            _entries[row.Key] = new Entry
            {
                Successes = DecayedCount.FromRaw(row.Value(0), row.Time(0)),
                Trials = DecayedCount.FromRaw(row.Value(1), row.Time(1)),
            };
    }

    private sealed class Entry
    {
        public DecayedCount Successes;
        public DecayedCount Trials;
    }
}
