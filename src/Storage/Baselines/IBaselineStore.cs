namespace AutoRespond.Storage;

/// <summary>
/// The brain's baselines between runs: one JSON snapshot per partition, overwritten by every save, so a restart
/// resumes learning and scoring where the previous run stopped.
/// </summary>
public interface IBaselineStore
{
    /// <summary>Stores <paramref name="json"/> as the snapshot of <paramref name="partition"/>, replacing any earlier one.</summary>
    /// <param name="upTo">The event time the snapshot covers up to; stored in UTC.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON document.</exception>
    Task SaveAsync(string partition, string json, DateTimeOffset upTo, CancellationToken cancellationToken = default);

    /// <summary>The latest snapshot of <paramref name="partition"/>, or null when none was saved.</summary>
    Task<StoredBaseline?> LoadAsync(string partition, CancellationToken cancellationToken = default);
}

/// <summary>A saved brain snapshot.</summary>
/// <param name="Json">The snapshot as saved.</param>
/// <param name="UpTo">The event time it covers up to (UTC).</param>
/// <param name="UpdatedAt">When it was saved (wall clock, UTC).</param>
public sealed record StoredBaseline(string Json, DateTimeOffset UpTo, DateTimeOffset UpdatedAt);
