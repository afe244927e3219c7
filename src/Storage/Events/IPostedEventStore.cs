namespace AutoRespond.Storage;

/// <summary>
/// Identity and email events posted to the API, kept for the executors (which user was on a device, which messages
/// reached a user). Append-only.
/// </summary>
public interface IPostedEventStore
{
    /// <summary>Stores the event (its <c>Id</c> is ignored) and returns the id it got.</summary>
    /// <exception cref="ArgumentException">A text is longer than its column, or the kind is unknown.</exception>
    Task<long> AddAsync(PostedEvent posted, CancellationToken cancellationToken = default);

    /// <summary>Events matching every given filter, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PostedEvent>> ListAsync(string? kind, string? user, string? address, DateTimeOffset? since, int max,
        CancellationToken cancellationToken = default);
}
