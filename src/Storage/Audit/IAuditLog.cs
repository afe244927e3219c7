namespace AutoRespond.Storage;

/// <summary>The append-only audit log: who, when, what, why, from which incident. There is no update or delete.</summary>
public interface IAuditLog
{
    /// <summary>Appends the entry and returns its id.</summary>
    /// <exception cref="ArgumentException"><c>entry.DetailJson</c> is not valid JSON.</exception>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries matching <paramref name="query"/>, newest first (by time, then id).</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
