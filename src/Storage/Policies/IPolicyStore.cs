namespace AutoRespond.Storage;

/// <summary>
/// The versioned response policy: every save appends a new version (ascending from 1); versions are never
/// updated or deleted. The current policy is the highest version.
/// </summary>
public interface IPolicyStore
{
    /// <summary>Appends <paramref name="json"/> as a new version and returns its number.</summary>
    /// <param name="time">When the change was made; stored in UTC.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object, or a text is too long.</exception>
    Task<int> SaveAsync(string json, string createdBy, string? note, DateTimeOffset time, CancellationToken cancellationToken = default);

    /// <summary>The highest version, or null when no policy was saved.</summary>
    Task<StoredPolicy?> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>The given version, or null when there is none.</summary>
    Task<StoredPolicy?> GetAsync(int version, CancellationToken cancellationToken = default);

    /// <summary>The latest <paramref name="max"/> versions, newest first.</summary>
    Task<IReadOnlyList<StoredPolicy>> ListAsync(int max, CancellationToken cancellationToken = default);
}

/// <summary>A saved policy version.</summary>
/// <param name="Version">The version number (ascending from 1).</param>
/// <param name="Json">The policy as saved.</param>
/// <param name="CreatedBy">Who saved it.</param>
/// <param name="CreatedAt">When it was saved (UTC).</param>
/// <param name="Note">The change note, or null.</param>
public sealed record StoredPolicy(int Version, string Json, string CreatedBy, DateTimeOffset CreatedAt, string? Note);
