namespace AutoRespond.Api.Windows;

/// <summary>A window as the API returns it. <see cref="Source"/> is <c>api</c>, <c>servicenow</c>, <c>ics</c> or <c>config</c> (read-only).</summary>
public sealed record WindowView(
    string Id,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Rrule,
    string? Tz,
    WindowScopeRequest Scope,
    string Effect,
    double? CapScore,
    string Source,
    string? ExternalId,
    string CreatedBy,
    DateTimeOffset? CreatedAt,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt);
