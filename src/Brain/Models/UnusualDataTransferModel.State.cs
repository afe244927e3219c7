using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Models;

/// <summary>Pair state, pruning and snapshots of <see cref="UnusualDataTransferModel"/>.</summary>
public sealed partial class UnusualDataTransferModel
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(6);

    /// <summary>Closes finished pair-hours and forgets pairs whose history has decayed away.</summary>
    private void Sweep(BrainContext context)
    {
        _nextSweep = context.Now.UtcTicks + SweepEvery.Ticks;
        List<(string, string)>? stale = null;
        foreach (var (key, pair) in _pairs)
        {
            if (pair.HourStart != 0 && context.Now.UtcTicks - pair.HourStart >= Hour.Ticks) Close(key.Sender, pair, context);
            if (pair.HourStart == 0 && pair.Stats.Weight.ValueAt(context.Now, context.Options.BaselineHalfLife) < 0.05)
                (stale ??= []).Add(key);
        }
        if (stale is not null) foreach (var key in stale) _pairs.Remove(key);
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var pairs = new List<SnapshotRow>(_pairs.Count);
        foreach (var ((sender, receiver), p) in _pairs)
            pairs.Add(new SnapshotRow(string.Join(SnapshotKey.Separator, sender, receiver, p.Zone, p.LastUid ?? ""),
                [p.Stats.Weight.RawValue, p.Stats.Sum.RawValue, p.Stats.SumSquares.RawValue, p.Bytes, p.Port, p.Learnable ? 1 : 0],
                [p.Stats.Weight.RawTicks, p.Stats.Sum.RawTicks, p.Stats.SumSquares.RawTicks, p.HourStart]));
        var devices = new List<SnapshotRow>(_devices.Count);
        var histograms = new List<SnapshotRow>(_devices.Count + _zones.Count);
        foreach (var (id, b) in _devices)
        {
            devices.Add(b.Stats.ToRow(id));
            histograms.Add(b.Histogram.ToRow("d" + SnapshotKey.Separator + id));
        }
        var zones = new List<SnapshotRow>(_zones.Count);
        foreach (var (name, b) in _zones)
        {
            zones.Add(b.Stats.ToRow(name));
            histograms.Add(b.Histogram.ToRow("z" + SnapshotKey.Separator + name));
        }
        return [new TableSnapshot("pairs", pairs), new TableSnapshot("devices", devices), new TableSnapshot("zones", zones),
            new TableSnapshot("histograms", histograms),
            new TableSnapshot("sweep", [new SnapshotRow("next", null, [_nextSweep])])];
    }

    public void Import(StateSnapshot state)
    {
        _pairs.Clear();
        _devices.Clear();
        _zones.Clear();
        foreach (var row in state.Table("pairs")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            _pairs[(k[0], k[1])] = new Pair
            {
                Zone = k[2],
                LastUid = k[3].Length == 0 ? null : k[3],
                Stats = LogNormalStats.FromRow(row),
                Bytes = row.Value(3),
                Port = (int)row.Value(4),
                Learnable = row.Value(5) != 0,
                HourStart = row.Time(3),
            };
        }
        foreach (var row in state.Table("devices")?.Rows ?? []) _devices[row.Key] = new Baseline { Stats = LogNormalStats.FromRow(row) };
        foreach (var row in state.Table("zones")?.Rows ?? []) _zones[row.Key] = new Baseline { Stats = LogNormalStats.FromRow(row) };
        foreach (var row in state.Table("histograms")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            var map = k[0] == "d" ? _devices : _zones;
            if (!map.TryGetValue(k[1], out var b)) map[k[1]] = b = new Baseline();
            b.Histogram = LogHistogram.FromRow(row);
        }
        _nextSweep = state.Table("sweep")?.Rows is [var sweep, ..] ? sweep.Time(0) : 0;
    }

    private sealed class Pair
    {
        public LogNormalStats Stats;
        public long HourStart;
        public double Bytes;
        public bool Learnable;
        public int Port;
        public string? LastUid;
        public string Zone = "";
    }

    private sealed class Baseline
    {
        public LogNormalStats Stats;
        public LogHistogram Histogram = new();
    }
}
