using System.Collections.Concurrent;

namespace AutoRespond.Simulators.Common;

/// <summary>Every request every simulator received, in arrival order; tests and the fault test read it.</summary>
public sealed class RequestJournal
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RecordedRequest request) => _requests.Enqueue(request);

    public IReadOnlyList<RecordedRequest> All() => [.. _requests.OrderBy(r => r.Sequence)];

    public IReadOnlyList<RecordedRequest> For(string vendor) =>
        [.. _requests.Where(r => r.Vendor == vendor).OrderBy(r => r.Sequence)];

    public void Clear() => _requests.Clear();
}
