namespace AutoRespond.Storage;

/// <summary>
/// A change window as stored: the fields of a config-file window (CONTRACT.md §2 <c>windows:</c>) plus who made it
/// and when. Times are UTC. Validation (RRULE, time zone, scope syntax) is the API's; the store checks lengths only.
/// </summary>
/// <param name="ExternalId">The change request it came from (<c>servicenow:CHG…</c>), or null.</param>
public sealed record StoredWindow(
    string Id,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Rrule,
    string? Tz,
    StoredWindowScope Scope,
    string Effect,
    double? CapScore,
    string? ExternalId,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);
