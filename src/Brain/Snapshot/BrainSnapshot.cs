using AutoRespond.Brain.Devices;

namespace AutoRespond.Brain.Snapshot;

/// <summary>
/// Every piece of baseline state of a brain as a plain record graph (System.Text.Json round-trips it), so a
/// restart resumes where it stopped instead of making every device new. The lead's storage layer persists it;
/// <see cref="BrainEngine.Export"/> and <see cref="BrainEngine.Import"/> produce and consume it.
/// </summary>
public sealed record BrainSnapshot(
    int Version,
    DateTimeOffset? FirstEvent,
    DateTimeOffset Now,
    IReadOnlyList<DeviceSnapshot> Devices,
    IReadOnlyList<StateSnapshot> States)
{
    public const int CurrentVersion = 1;
}

/// <summary>The named tables of one stateful part of the brain (a model, the registry, the breach cool-downs).</summary>
public sealed record StateSnapshot(string Owner, IReadOnlyList<TableSnapshot> Tables)
{
    public TableSnapshot? Table(string name)
    {
        foreach (var table in Tables)
            if (string.Equals(table.Name, name, StringComparison.Ordinal)) return table;
        return null;
    }
}

public sealed record TableSnapshot(string Name, IReadOnlyList<SnapshotRow> Rows);

/// <summary>One entry: a key (composite keys joined by <see cref="SnapshotKey.Separator"/>), numbers and UTC ticks.</summary>
public sealed record SnapshotRow(string Key, IReadOnlyList<double>? Values = null, IReadOnlyList<long>? Times = null)
{
    public double Value(int i) => Values is { } v && i < v.Count ? v[i] : 0;

    public long Time(int i) => Times is { } t && i < t.Count ? t[i] : 0;
}

/// <summary>A stateful part of the brain that can be saved and restored.</summary>
public interface ISnapshotState
{
    /// <summary>Unique among the brain's parts (a model id).</summary>
    string Id { get; }

    IReadOnlyList<TableSnapshot> Export();

    void Import(StateSnapshot state);
}

public static class SnapshotKey
{
    public const char Separator = '\u001F';

    public static string Join(string a, string b) => string.Concat(a, Separator.ToString(), b);

    public static string Join(string a, string b, string c) => string.Join(Separator, a, b, c);

    public static string[] Split(string key) => key.Split(Separator);
}

/// <summary>A set of keys as a snapshot table (no values), and back.</summary>
public static class SnapshotSet
{
    public static TableSnapshot Export(string name, IEnumerable<string> keys) =>
        new(name, [.. keys.Select(k => new SnapshotRow(k))]);

    public static void Import(StateSnapshot state, string name, ISet<string> into)
    {
        into.Clear();
        foreach (var row in state.Table(name)?.Rows ?? []) into.Add(row.Key);
    }
}
