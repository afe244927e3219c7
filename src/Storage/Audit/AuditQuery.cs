namespace AutoRespond.Storage;

/// <summary>
/// Filters for <see cref="IAuditLog.ListAsync"/>; every filter is optional. Time range is [<see cref="From"/>,
/// <see cref="To"/>). The default value of <see cref="Max"/> is 100.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? IncidentId = null,
    string? SubjectType = null,
    string? SubjectId = null,
    int Max = 100);
