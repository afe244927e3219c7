using System.Diagnostics;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// A wall-like clock read from <see cref="Stopwatch.GetTimestamp"/> (CLOCK_MONOTONIC on Linux): the real time at
/// construction plus the monotonic time elapsed since. Given to the simulator host, so the journal's arrival time of a
/// request and the bench's publish time come from one clock in one process (no NTP step can fall between them).
/// </summary>
internal sealed class MonotonicClock : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_origin);
}
