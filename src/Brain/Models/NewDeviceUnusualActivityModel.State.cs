using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Models;

/// <summary>The per-device first-day state and the zone priors of <see cref="NewDeviceUnusualActivityModel"/>.</summary>
public sealed partial class NewDeviceUnusualActivityModel
{
    /// <summary>
    /// A device seen during learning joins its zone's prior at once and adds to it as its first-day features grow;
    /// a device first seen after learning joins only when its first day is over (it must not be its own prior).
    /// </summary>
    private Young Get(DeviceProfile device, BrainContext context)
    {
        if (_young.TryGetValue(device.Id, out var young)) return young;
        young = new Young(device.FirstSeen, device.ZoneName) { PostLearning = device.FirstSeen > context.LearningEnd };
        if (!young.PostLearning && context.Learns)
        {
            young.Counted = true;
            Zone(device.ZoneName).Devices.Add(1, context.Now, context.Options.BaselineHalfLife);
        }
        _young[device.Id] = young;
        return young;
    }

    /// <summary>Hourly: devices past their first day leave the young set; new ones fold their counts into the prior.</summary>
    private void Sweep(BrainContext context)
    {
        _nextSweep = context.Now.UtcTicks + SweepEvery.Ticks;
        List<string>? done = null;
        foreach (var (id, young) in _young)
            if (context.Now - young.FirstSeen > context.Options.NewDeviceAge) (done ??= []).Add(id);
        if (done is null) return;
        var halfLife = context.Options.BaselineHalfLife;
        foreach (string id in done)
        {
            var young = _young[id];
            _young.Remove(id);
            if (young.Counted || !context.Learns) continue;
            var zone = Zone(young.Zone);
            zone.Devices.Add(1, context.Now, halfLife);
            for (int j = 0; j < FeatureNames.Length; j++)
            {
                int x = young.Sets[j].Count;
                zone.Sum[j].Add(x, context.Now, halfLife);
                zone.SumSquares[j].Add((double)x * x, context.Now, halfLife);
            }
        }
    }

    private ZoneStats Zone(string name)
    {
        if (!_zones.TryGetValue(name, out var zone)) _zones[name] = zone = new ZoneStats();
        return zone;
    }

    public IReadOnlyList<TableSnapshot> Export()
    {
        var young = new List<SnapshotRow>();
        var items = new List<SnapshotRow>();
        foreach (var (id, y) in _young)
        {
            young.Add(new SnapshotRow(SnapshotKey.Join(id, y.Zone), [y.PostLearning ? 1 : 0, y.Counted ? 1 : 0, y.RescoreAt], [y.FirstSeen.UtcTicks]));
            for (int j = 0; j < y.Sets.Length; j++)
                foreach (string item in y.Sets[j])
                    items.Add(new SnapshotRow(SnapshotKey.Join(id, j.ToString(CultureInfo.InvariantCulture), item)));
        }
        var zones = new List<SnapshotRow>();
        foreach (var (name, z) in _zones)
        {
            zones.Add(new SnapshotRow(SnapshotKey.Join(name, "n"), [z.Devices.RawValue], [z.Devices.RawTicks]));
            for (int j = 0; j < FeatureNames.Length; j++)
                zones.Add(new SnapshotRow(SnapshotKey.Join(name, j.ToString(CultureInfo.InvariantCulture)),
                    [z.Sum[j].RawValue, z.SumSquares[j].RawValue], [z.Sum[j].RawTicks, z.SumSquares[j].RawTicks]));
        }
        return [new TableSnapshot("young", young), new TableSnapshot("young-items", items), new TableSnapshot("zones", zones),
            new TableSnapshot("sweep", [new SnapshotRow("next", null, [_nextSweep])])];
    }

    public void Import(StateSnapshot state)
    {
        _young.Clear();
        _zones.Clear();
        foreach (var row in state.Table("young")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            _young[k[0]] = new Young(new DateTimeOffset(row.Time(0), TimeSpan.Zero), k[1])
            {
                PostLearning = row.Value(0) != 0, Counted = row.Value(1) != 0, RescoreAt = (int)row.Value(2),
            };
        }
        foreach (var row in state.Table("young-items")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            if (_young.TryGetValue(k[0], out var y)) y.Sets[int.Parse(k[1], CultureInfo.InvariantCulture)].Add(k[2]);
        }
        foreach (var row in state.Table("zones")?.Rows ?? [])
        {
            var k = SnapshotKey.Split(row.Key);
            var zone = Zone(k[0]);
            if (k[1] == "n") zone.Devices = DecayedCount.FromRaw(row.Value(0), row.Time(0));
            else
            {
                int j = int.Parse(k[1], CultureInfo.InvariantCulture);
                zone.Sum[j] = DecayedCount.FromRaw(row.Value(0), row.Time(0));
                zone.SumSquares[j] = DecayedCount.FromRaw(row.Value(1), row.Time(1));
            }
        }
        _nextSweep = state.Table("sweep")?.Rows is [var sweep, ..] ? sweep.Time(0) : 0;
    }

    private sealed class Young(DateTimeOffset firstSeen, string zone)
    {
        public readonly HashSet<string>[] Sets = NewSets();
        public DateTimeOffset FirstSeen { get; } = firstSeen;
        public string Zone { get; } = zone;
        public bool PostLearning { get; init; }
        public bool Counted { get; set; }
        public int RescoreAt { get; set; }

        public int Total()
        {
            int total = 0;
            foreach (var set in Sets) total += set.Count;
            return total;
        }

        private static HashSet<string>[] NewSets()
        {
            var sets = new HashSet<string>[FeatureNames.Length];
            for (int j = 0; j < sets.Length; j++) sets[j] = new HashSet<string>(StringComparer.Ordinal);
            return sets;
        }
    }

    private sealed class ZoneStats
    {
        public readonly DecayedCount[] Sum = new DecayedCount[FeatureNames.Length];
        public readonly DecayedCount[] SumSquares = new DecayedCount[FeatureNames.Length];
        public DecayedCount Devices;
    }
}
