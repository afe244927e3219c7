using AutoRespond.Brain.Snapshot;

namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Per subject: the distinct items of a sliding window (what is scored now), and a tumbling window of the
/// same length whose distinct-item count, when it closes, feeds a Gamma–Poisson baseline of items per
/// active window for the subject and for its group (DETECTION.md §2.0 "counts per window").
/// </summary>
public sealed class WindowedRate(TimeSpan window)
{
    private readonly Dictionary<string, Subject> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Baseline> _groups = new(StringComparer.Ordinal);

    public TimeSpan Window { get; } = window;

    /// <summary>
    /// Closes the subject's tumbling window once <see cref="Window"/> has passed since it opened and opens a
    /// new one at <paramref name="now"/>. The closed window's count is learnt (subject and group) unless
    /// <paramref name="learn"/> is false (a change window, or a cold-start hour), in which case it is dropped.
    /// </summary>
    public void Roll(string subject, string group, DateTimeOffset now, TimeSpan halfLife, bool learn = true)
    {
        var s = Get(subject);
        if (s.BucketStart is { } start && now.UtcTicks - start < Window.Ticks) return;
        if (s.BucketStart is not null)
        {
            if (learn && s.BucketLearnable)
            {
                int count = s.Bucket.Count;
                s.Own.Items.Add(count, now, halfLife);
                s.Own.Windows.Add(1, now, halfLife);
                var g = Group(group);
                g.Items.Add(count, now, halfLife);
                g.Windows.Add(1, now, halfLife);
            }
            s.Bucket.Clear();
        }
        s.BucketStart = now.UtcTicks;
        s.BucketLearnable = learn;
    }

    /// <summary>Adds an item to both windows; returns the number of distinct items in the sliding window.</summary>
    public int Add(string subject, string item, DateTimeOffset now)
    {
        var s = Get(subject);
        s.Bucket.Add(item);
        s.Recent.Enqueue((now.UtcTicks, item));
        s.RecentCounts[item] = s.RecentCounts.GetValueOrDefault(item) + 1;
        Expire(s, now);
        return s.RecentCounts.Count;
    }

    /// <summary>Distinct items of the sliding window as of <paramref name="now"/>.</summary>
    public int Distinct(string subject, DateTimeOffset now)
    {
        if (!_subjects.TryGetValue(subject, out var s)) return 0;
        Expire(s, now);
        return s.RecentCounts.Count;
    }

    public IReadOnlyCollection<string> Items(string subject) =>
        _subjects.TryGetValue(subject, out var s) ? s.RecentCounts.Keys : [];

    /// <summary>
    /// Gamma posterior of the subject's items per window: the group rate (rate + <paramref name="defaultRate"/>)/(windows + 1)
    /// weighs as much as <paramref name="priorWeight"/> windows; α = w·rate_g + Σx, β = w + T.
    /// </summary>
    public (double Alpha, double Beta) Posterior(string subject, string group, double defaultRate, double priorWeight,
        DateTimeOffset now, TimeSpan halfLife)
    {
        var g = Group(group);
        double groupRate = (g.Items.ValueAt(now, halfLife) + defaultRate) / (g.Windows.ValueAt(now, halfLife) + 1);
        var own = Get(subject).Own;
        return (priorWeight * groupRate + own.Items.ValueAt(now, halfLife), priorWeight + own.Windows.ValueAt(now, halfLife));
    }

    public IEnumerable<TableSnapshot> Export(string name)
    {
        var subjects = new List<SnapshotRow>();
        var recent = new List<SnapshotRow>();
        var bucket = new List<SnapshotRow>();
        foreach (var (key, s) in _subjects)
        {
            subjects.Add(new SnapshotRow(key, [s.Own.Items.RawValue, s.Own.Windows.RawValue, s.BucketLearnable ? 1 : 0],
                [s.Own.Items.RawTicks, s.Own.Windows.RawTicks, s.BucketStart ?? -1]));
            foreach (var (ticks, item) in s.Recent) recent.Add(new SnapshotRow(SnapshotKey.Join(key, item), null, [ticks]));
            foreach (string item in s.Bucket) bucket.Add(new SnapshotRow(SnapshotKey.Join(key, item)));
        }
        var groups = new List<SnapshotRow>();
        foreach (var (key, g) in _groups)
            groups.Add(new SnapshotRow(key, [g.Items.RawValue, g.Windows.RawValue], [g.Items.RawTicks, g.Windows.RawTicks]));
        yield return new TableSnapshot(name + ".subjects", subjects);
        yield return new TableSnapshot(name + ".recent", recent);
        yield return new TableSnapshot(name + ".bucket", bucket);
        yield return new TableSnapshot(name + ".groups", groups);
    }

    public void Import(StateSnapshot state, string name)
    {
        _subjects.Clear();
        _groups.Clear();
        foreach (var row in state.Table(name + ".subjects")?.Rows ?? [])
        {
            var s = Get(row.Key);
            s.Own.Items = DecayedCount.FromRaw(row.Value(0), row.Time(0));
            s.Own.Windows = DecayedCount.FromRaw(row.Value(1), row.Time(1));
            s.BucketLearnable = row.Value(2) != 0;
            s.BucketStart = row.Time(2) < 0 ? null : row.Time(2);
        }
        foreach (var row in state.Table(name + ".recent")?.Rows ?? [])
        {
            var (key, item) = SplitKey(row.Key);
            var s = Get(key);
            s.Recent.Enqueue((row.Time(0), item));
            s.RecentCounts[item] = s.RecentCounts.GetValueOrDefault(item) + 1;
        }
        foreach (var row in state.Table(name + ".bucket")?.Rows ?? [])
        {
            var (key, item) = SplitKey(row.Key);
            Get(key).Bucket.Add(item);
        }
        foreach (var row in state.Table(name + ".groups")?.Rows ?? [])
        {
            var g = Group(row.Key);
            g.Items = DecayedCount.FromRaw(row.Value(0), row.Time(0));
            g.Windows = DecayedCount.FromRaw(row.Value(1), row.Time(1));
        }
    }

    private static (string Key, string Item) SplitKey(string key)
    {
        int cut = key.IndexOf(SnapshotKey.Separator, StringComparison.Ordinal);
        return (key[..cut], key[(cut + 1)..]);
    }

    private void Expire(Subject s, DateTimeOffset now)
    {
        while (s.Recent.TryPeek(out var oldest) && now.UtcTicks - oldest.Ticks > Window.Ticks)
        {
            s.Recent.Dequeue();
            int left = s.RecentCounts[oldest.Item] - 1;
            if (left == 0) s.RecentCounts.Remove(oldest.Item);
            else s.RecentCounts[oldest.Item] = left;
        }
    }

    private Subject Get(string key)
    {
        if (!_subjects.TryGetValue(key, out var s)) _subjects[key] = s = new Subject();
        return s;
    }

    private Baseline Group(string key)
    {
        if (!_groups.TryGetValue(key, out var g)) _groups[key] = g = new Baseline();
        return g;
    }

    private sealed class Baseline
    {
        public DecayedCount Items;
        public DecayedCount Windows;
    }

    private sealed class Subject
    {
        public readonly Baseline Own = new();
        public readonly HashSet<string> Bucket = new(StringComparer.Ordinal);
        public readonly Queue<(long Ticks, string Item)> Recent = new();
        public readonly Dictionary<string, int> RecentCounts = new(StringComparer.Ordinal);
        public long? BucketStart;
        public bool BucketLearnable = true;
    }
}
