using System.Security.Cryptography;
using System.Text;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>What a model sees besides the event: the clock, the devices, shared baselines and where breaches go.</summary>
public sealed class BrainContext(DeviceRegistry devices, BrainOptions options)
{
    private readonly Dictionary<(string Model, string Device), LastBreach> _lastBreach = [];
    private readonly List<Breach> _pending = [];
    private DateTimeOffset? _firstEvent;

    public DeviceRegistry Devices { get; } = devices;

    public BrainOptions Options { get; } = options;

    /// <summary>Rarity of external endpoints, shared by the TLS and ICS models; the engine feeds it from flows.</summary>
    public ExternalRarity External { get; } = new();

    /// <summary>Event time: the timestamp of the event being processed.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>True until <see cref="BrainOptions.LearningPeriod"/> of event time has passed since the first event.</summary>
    public bool IsLearning => _firstEvent is null || Now - _firstEvent.Value < Options.LearningPeriod;

    /// <summary>When learning ends (or ended).</summary>
    public DateTimeOffset LearningEnd => (_firstEvent ?? Now) + Options.LearningPeriod;

    /// <summary>
    /// True when a device of the current event is inside an active change window: models still score the
    /// event but must not learn from it.
    /// </summary>
    public bool Frozen { get; internal set; }

    /// <summary>Models update baselines only when this is true.</summary>
    public bool Learns => !Frozen;

    internal DateTimeOffset? FirstEvent => _firstEvent;

    /// <summary>Event time since the first event: how long the network has been observed.</summary>
    public TimeSpan Observed => _firstEvent is { } first ? Now - first : TimeSpan.Zero;

    internal void Advance(DateTimeOffset time)
    {
        _firstEvent ??= time;
        if (time > Now) Now = time;
    }

    /// <summary>
    /// True when the device held the role "in baseline": evidence from the learning period, or older than
    /// <see cref="BrainOptions.RoleSettling"/>. Evidence from the current event never counts.
    /// </summary>
    public bool HasRole(DeviceProfile device, DeviceRole role) =>
        device.RoleSince(role) is { } since && since < Now && (since <= LearningEnd || Now - since >= Options.RoleSettling);

    /// <summary>True when the device was first seen after learning ended and is still young (DETECTION.md §2.1 gate).</summary>
    public bool IsNewDevice(DeviceProfile device) =>
        device.FirstSeen > LearningEnd && Now - device.FirstSeen <= Options.NewDeviceAge;

    internal bool HasPending => _pending.Count > 0;

    internal IReadOnlyList<Breach> TakePending()
    {
        if (_pending.Count == 0) return Array.Empty<Breach>();
        var result = new List<Breach>(_pending);
        _pending.Clear();
        return result;
    }

    /// <summary>
    /// Turns a scored observation into a breach when learning is over, the score reaches the breach
    /// threshold, and the same model has not breached for the device within the cool-down — unless the
    /// score rose by at least <see cref="BrainOptions.RebreachScoreStep"/>, or the proposal carries a
    /// <paramref name="novelty"/> (a new peer or critical command) not breached on within the cool-down.
    /// Returns whether it breached.
    /// </summary>
    public bool Propose(string model, DeviceProfile device, double score, string summary,
        IReadOnlyDictionary<string, object> evidence, IReadOnlyList<string> peers, string? novelty = null)
    {
        if (IsLearning || score < Scoring.BreachThreshold) return false;
        var key = (model, device.Id);
        if (_lastBreach.TryGetValue(key, out var last) && Now - last.Time < Options.BreachCooldown)
        {
            bool higher = score >= last.Score + Options.RebreachScoreStep;
            bool novel = novelty is not null && !last.Novelties.Contains(novelty);
            if (!higher && !novel) return false;
            last.Novelties.Add(novelty ?? "");
            _lastBreach[key] = last with { Time = Now, Score = Math.Max(score, last.Score) };
        }
        else
        {
            _lastBreach[key] = new LastBreach(Now, score, new HashSet<string>(StringComparer.Ordinal) { novelty ?? "" });
        }
        string id = "brc-" + ShortHash($"{model}|{device.Ip}|{Now.UtcTicks}");
        _pending.Add(new Breach(id, model, Now, device.ToRef(), Math.Round(score, 4), summary, evidence, peers));
        return true;
    }

    private sealed record LastBreach(DateTimeOffset Time, double Score, HashSet<string> Novelties);

    internal static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    internal StateSnapshot Export()
    {
        var rows = new List<SnapshotRow>(_lastBreach.Count);
        foreach (var ((model, device), last) in _lastBreach)
            rows.Add(new SnapshotRow(SnapshotKey.Join(model, device, string.Join('\u001E', last.Novelties)), [last.Score], [last.Time.UtcTicks]));
        var tables = new List<TableSnapshot> { new("cooldowns", rows) };
        tables.AddRange(External.Export());
        return new StateSnapshot("context", tables);
    }

    internal void Import(BrainSnapshot snapshot, StateSnapshot? state)
    {
        _firstEvent = snapshot.FirstEvent;
        Now = snapshot.Now;
        _lastBreach.Clear();
        if (state is null) return;
        foreach (var row in state.Table("cooldowns")?.Rows ?? [])
        {
            var parts = SnapshotKey.Split(row.Key);
            var novelties = new HashSet<string>(parts.Length > 2 ? parts[2].Split('\u001E') : [""], StringComparer.Ordinal);
            _lastBreach[(parts[0], parts[1])] = new LastBreach(new DateTimeOffset(row.Time(0), TimeSpan.Zero), row.Value(0), novelties);
        }
        External.Import(state);
    }
}
