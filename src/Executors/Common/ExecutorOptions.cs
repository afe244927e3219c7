namespace AutoRespond.Executors.Common;

/// <summary>
/// Resilience settings shared by every target (per target: its own named HttpClient, so its own breaker).
/// Defaults suit production; tests shorten the delays.
/// </summary>
public sealed record ExecutorOptions
{
    public static ExecutorOptions Default { get; } = new();

    /// <summary>Retries after the first attempt (idempotent calls only).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a <c>Retry-After</c> may impose before the call is failed instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt's timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole call's timeout, retries included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Circuit breaker: sampling window (at least twice <see cref="AttemptTimeout"/>).</summary>
    public TimeSpan BreakerSampling { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Circuit breaker: calls in the window before it may open.</summary>
    public int BreakerMinimumThroughput { get; init; } = 5;

    /// <summary>Circuit breaker: failure ratio that opens it.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Circuit breaker: how long it stays open.</summary>
    public TimeSpan BreakerDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Short delays for tests against the simulators.</summary>
    public static ExecutorOptions Fast { get; } = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(2),
        TotalTimeout = TimeSpan.FromSeconds(15),
        BreakerSampling = TimeSpan.FromSeconds(5),
        BreakerDuration = TimeSpan.FromSeconds(2),
    };
}
