namespace AutoRespond.Storage.Entities;

/// <summary>Append-only audit log: who did what to which subject, when and why.</summary>
public sealed class AuditEntryEntity
{
    /// <summary>Database-generated (identity / autoincrement).</summary>
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }
    public required string Actor { get; set; }
    public required string Verb { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }

    /// <summary>Free-form detail as a JSON document (jsonb on PostgreSQL).</summary>
    public string? DetailJson { get; set; }

    public string? IncidentId { get; set; }
}
