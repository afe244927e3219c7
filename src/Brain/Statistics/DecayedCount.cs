namespace AutoRespond.Brain.Statistics;

/// <summary>
/// An exponentially decayed count, c ← c · 2^(−Δt/H), kept on event time (DETECTION.md §2.0).
/// A struct of two fields so baselines stay small.
/// </summary>
public struct DecayedCount
{
    private double _value;
    private long _ticks;

    /// <summary>The stored value as of <see cref="RawTicks"/> (for snapshots).</summary>
    public readonly double RawValue => _value;

    /// <summary>UTC ticks of the last update (for snapshots and "at most once per period" counting).</summary>
    public readonly long RawTicks => _ticks;

    public static DecayedCount FromRaw(double value, long ticks) => new() { _value = value, _ticks = ticks };

    public readonly double ValueAt(DateTimeOffset time, TimeSpan halfLife)
    {
        if (_value == 0) return 0;
        double dt = (time.UtcTicks - _ticks) / (double)TimeSpan.TicksPerSecond;
        return dt <= 0 ? _value : _value * Math.Pow(2, -dt / halfLife.TotalSeconds);
    }

    public void Add(double amount, DateTimeOffset time, TimeSpan halfLife)
    {
        _value = ValueAt(time, halfLife) + amount;
        _ticks = Math.Max(_ticks, time.UtcTicks);
    }
}
