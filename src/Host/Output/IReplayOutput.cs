using AutoRespond.Brain;
using AutoRespond.Responders.Engine;

namespace AutoRespond.Host.Output;

/// <summary>
/// The replay's findings as they happen, in event-time order: breaches and incidents from the brain,
/// actions from the response engine. <see cref="Complete"/> is called once at the end.
/// </summary>
public interface IReplayOutput : IBrainObserver, IResponseObserver, IDisposable
{
    void Complete(ReplaySummary summary);
}

/// <summary>Counts for the closing line of a replay.</summary>
public sealed record ReplaySummary(long Packets, long Events, int Breaches, int Incidents, int Actions, TimeSpan Elapsed,
    DateTimeOffset? FirstPacket, DateTimeOffset? LastPacket);
