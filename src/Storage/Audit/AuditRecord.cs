namespace AutoRespond.Storage;

/// <summary>A stored audit entry with its database-assigned, ever-increasing <paramref name="Id"/>.</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry);
