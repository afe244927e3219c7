namespace AutoRespond.Storage;

/// <summary>
/// Change windows made through the API or inbound change requests. Every write is a whole window; the engine
/// reloads the set on <c>WindowChanged</c>.
/// </summary>
public interface IWindowStore
{
    /// <summary>Every stored window, earliest start first (then by id).</summary>
    Task<IReadOnlyList<StoredWindow>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The window, or null.</summary>
    Task<StoredWindow?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The window made from change request <paramref name="externalId"/>, or null.</summary>
    Task<StoredWindow?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new window; false, storing nothing, when its id (or external id) is taken.</summary>
    /// <exception cref="ArgumentException">A text is longer than its column.</exception>
    Task<bool> AddAsync(StoredWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the window with the same id (keeping its creator and creation time); false when there is none
    /// or another writer changed it first.
    /// </summary>
    Task<bool> UpdateAsync(StoredWindow window, CancellationToken cancellationToken = default);

    /// <summary>Deletes the window; false when there is none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
