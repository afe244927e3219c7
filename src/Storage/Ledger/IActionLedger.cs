namespace AutoRespond.Storage;

/// <summary>
/// The action ledger: the source of truth for every response decision, its state and its history.
/// Rows are never deleted; every state change is appended to the action's history.
/// </summary>
public interface IActionLedger
{
    /// <summary>
    /// Records a new action with its first history entry (from null to <c>entry.State</c>, at <c>entry.CreatedAt</c>).
    /// Idempotent: if <c>entry.ActionId</c> is already recorded, nothing changes and the result is <c>false</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The state is not one of <see cref="LedgerStates.All"/>.</exception>
    Task<bool> RecordAsync(ActionLedgerEntry entry, string actor, string detail, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the action to <paramref name="toState"/> and appends the change to its history, in one transaction.
    /// Returns <c>false</c>, changing nothing, when the action does not exist, when its current state is not
    /// <paramref name="expectedState"/> (if given), or when another writer changed it since it was read
    /// (optimistic concurrency: of two workers moving the action from the same state, only one succeeds).
    /// <paramref name="undoState"/>, when given, is stored with the action in the same transaction (null leaves the
    /// stored one as it is).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="toState"/> is not one of <see cref="LedgerStates.All"/>.</exception>
    Task<bool> TransitionAsync(
        string actionId,
        string toState,
        string actor,
        string detail,
        DateTimeOffset time,
        string? expectedState = null,
        string? undoState = null,
        CancellationToken cancellationToken = default);

    /// <summary>The action and its history, or null.</summary>
    Task<ActionSnapshot?> GetAsync(string actionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Actions in a <see cref="LedgerStates.Expirable"/> state whose expiry is at or before <paramref name="now"/>,
    /// earliest expiry first (then by id), at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<ActionLedgerEntry>> ListDueForExpiryAsync(
        DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Actions currently in a <see cref="LedgerStates.Active"/> state.</summary>
    Task<int> CountActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Actions created at or after <paramref name="since"/>; only those whose current state is in
    /// <paramref name="states"/>, if given (e.g. <see cref="LedgerStates.Active"/> for a "new actions per hour" limit).
    /// </summary>
    Task<int> CountCreatedSinceAsync(
        DateTimeOffset since, IReadOnlyCollection<string>? states = null, CancellationToken cancellationToken = default);
}
