namespace AutoRespond.Storage.Entities;

/// <summary>
/// One action in the ledger, the source of truth for what was done, why and until when.
/// <see cref="Id"/> (<c>act-…</c>) is also the idempotency key at the target.
/// </summary>
public sealed class ActionEntity
{
    public required string Id { get; set; }
    public required string IncidentId { get; set; }
    public required string Kind { get; set; }
    public required string Target { get; set; }

    /// <summary>Current state: the <see cref="ActionStateChangeEntity.ToState"/> of the latest change.</summary>
    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the action is due to be reverted; null for actions that do not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public int PolicyVersion { get; set; }
    public string? WindowName { get; set; }
    public required string Reason { get; set; }

    /// <summary>What the executors need to undo the applied action (opaque to storage), or null.</summary>
    public string? UndoState { get; set; }

    /// <summary>Time of the latest state change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Number of state changes so far, which is also the <see cref="ActionStateChangeEntity.Sequence"/> of the
    /// latest one. Optimistic concurrency token: a transition updates the row only if it is unchanged.
    /// </summary>
    public int Version { get; set; }

    public List<ActionStateChangeEntity> History { get; set; } = [];
}
