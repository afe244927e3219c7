using System.Security.Cryptography;
using System.Text;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>What a model sees besides the event: the clock, the devices, and where breaches go.</summary>
public sealed class BrainContext(DeviceRegistry devices, BrainOptions options)
{
    private readonly Dictionary<(string Model, string Device), (DateTimeOffset Time, double Score)> _lastBreach = [];
    private readonly List<Breach> _pending = [];
    private DateTimeOffset? _firstEvent;

    public DeviceRegistry Devices { get; } = devices;

    public BrainOptions Options { get; } = options;

    /// <summary>Event time: the timestamp of the event being processed.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>True until <see cref="BrainOptions.LearningPeriod"/> of event time has passed since the first event.</summary>
    public bool IsLearning => _firstEvent is null || Now - _firstEvent.Value < Options.LearningPeriod;

    internal void Advance(DateTimeOffset time)
    {
        _firstEvent ??= time;
        if (time > Now) Now = time;
    }

    internal List<Breach> TakePending()
    {
        if (_pending.Count == 0) return [];
        var result = _pending.ToList();
        _pending.Clear();
        return result;
    }

    /// <summary>
    /// Turns a scored observation into a breach when learning is over, the score reaches the breach
    /// threshold, and the same model has not breached for the device within the cool-down (unless the
    /// score rose by at least <see cref="BrainOptions.RebreachScoreStep"/>). Returns whether it breached.
    /// </summary>
    public bool Propose(string model, DeviceProfile device, double score, string summary,
        IReadOnlyDictionary<string, object> evidence, IReadOnlyList<string> peers)
    {
        if (IsLearning || score < Scoring.BreachThreshold) return false;
        var key = (model, device.Ip);
        if (_lastBreach.TryGetValue(key, out var last)
            && Now - last.Time < Options.BreachCooldown
            && score < last.Score + Options.RebreachScoreStep)
            return false;
        _lastBreach[key] = (Now, score);
        string id = "brc-" + ShortHash($"{model}|{device.Ip}|{Now.UtcTicks}");
        _pending.Add(new Breach(id, model, Now, device.ToRef(), Math.Round(score, 4), summary, evidence, peers));
        return true;
    }

    internal static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
