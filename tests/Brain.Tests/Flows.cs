using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests;

/// <summary>Builds flow events the way the sensor reports them.</summary>
internal static class Flows
{
    private static int _uid;

    public static FlowObserved Attempt(DateTimeOffset time, string orig, string resp, int port, string state = "S0", string history = "S") =>
        new(time, FlowPhase.AttemptTimedOut, Record(time - TimeSpan.FromSeconds(5), orig, resp, port, state, history));

    public static FlowObserved Ended(DateTimeOffset time, string orig, string resp, int port, string state, string history) =>
        new(time, FlowPhase.Ended, Record(time, orig, resp, port, state, history));

    public static FlowRecord Record(DateTimeOffset start, string orig, string resp, int port, string state, string history) =>
        new($"C{Interlocked.Increment(ref _uid)}", start, TimeSpan.Zero, orig, 40000 + port % 20000, resp, port, "tcp", null,
            state, history, 0, 0, 1, 44, 0, 0, null, null, null);
}
