using System.Collections.Concurrent;

namespace AutoRespond.Simulators.Common;

/// <summary>
/// A fault to answer instead of the vendor's normal response: a status (429, 503…) with an optional
/// <c>Retry-After</c> and body, or a delay longer than the client's timeout (<see cref="Delay"/>).
/// </summary>
/// <param name="PathPrefix">Only requests whose path starts with this (null: any path of the vendor).</param>
/// <param name="Body">The vendor's error body; null lets the vendor module supply its own for the status.</param>
public sealed record InjectedFault(int Status, TimeSpan? RetryAfter = null, TimeSpan? Delay = null, string? Body = null, string? PathPrefix = null);

/// <summary>Faults queued per vendor; each is used once per queued count, in order.</summary>
public sealed class FaultPlan
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<InjectedFault>> _queues = new();

    /// <summary>The next <paramref name="times"/> matching requests to <paramref name="vendor"/> get <paramref name="fault"/>.</summary>
    public void Inject(string vendor, InjectedFault fault, int times = 1)
    {
        var queue = _queues.GetOrAdd(vendor, _ => new ConcurrentQueue<InjectedFault>());
        for (int i = 0; i < times; i++)
            queue.Enqueue(fault);
    }

    /// <summary>Takes the next fault for a request, if one is queued and matches its path.</summary>
    public InjectedFault? Take(string vendor, string path)
    {
        if (!_queues.TryGetValue(vendor, out var queue) || !queue.TryPeek(out var next))
            return null;
        if (next.PathPrefix is { } prefix && !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return null;
        return queue.TryDequeue(out var taken) ? taken : null;
    }

    public void Clear() => _queues.Clear();
}
