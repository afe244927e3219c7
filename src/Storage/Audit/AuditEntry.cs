namespace AutoRespond.Storage;

/// <summary>
/// One audit fact: <paramref name="Actor"/> did <paramref name="Verb"/> to a subject (e.g. <c>action</c> /
/// <c>act-…</c>) at <paramref name="Time"/>. <paramref name="DetailJson"/> must be a JSON document or null.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Actor,
    string Verb,
    string SubjectType,
    string SubjectId,
    string? DetailJson = null,
    string? IncidentId = null);
