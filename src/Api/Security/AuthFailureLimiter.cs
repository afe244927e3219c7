using System.Collections.Concurrent;

namespace AutoRespond.Api.Security;

/// <summary>
/// Limits failed key attempts per remote address: after <see cref="MaxFailures"/> failures within
/// <see cref="Window"/>, requests that present a key from that address get 429 until the window has passed.
/// Requests without a key are never counted (they cannot guess anything).
/// </summary>
internal sealed class AuthFailureLimiter(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxTrackedAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _byAddress = new(StringComparer.Ordinal);

    /// <summary>How long the address must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        if (!_byAddress.TryGetValue(address, out var failures)) return null;
        var now = time.GetUtcNow();
        lock (failures)
        {
            failures.Prune(now);
            return failures.Times.Count >= MaxFailures ? failures.Times.Peek() + Window - now : null;
        }
    }

    public void RecordFailure(string address)
    {
        if (_byAddress.Count >= MaxTrackedAddresses) Sweep();
        var failures = _byAddress.GetOrAdd(address, _ => new Failures());
        var now = time.GetUtcNow();
        lock (failures)
        {
            failures.Prune(now);
            failures.Times.Enqueue(now);
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (address, failures) in _byAddress)
        {
            lock (failures)
            {
                failures.Prune(now);
                if (failures.Times.Count == 0) _byAddress.TryRemove(address, out _);
            }
        }
    }

    private sealed class Failures
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public void Prune(DateTimeOffset now)
        {
            while (Times.Count > 0 && Times.Peek() + Window <= now) Times.Dequeue();
        }
    }
}
