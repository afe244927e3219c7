namespace AutoRespond.Storage.Entities;

/// <summary>
/// One change window created through the API or an inbound change request (windows of the config file are not
/// stored). Scope lists are kept as one JSON document; <see cref="ExternalId"/> ties a window to the change
/// request it came from (e.g. <c>servicenow:CHG0030001</c>) so a later update of that request updates it.
/// </summary>
public sealed class WindowEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public string? Rrule { get; set; }
    public string? Tz { get; set; }

    /// <summary><c>{"devices":[…],"zones":[…],"users":[…],"actions":[…]}</c>.</summary>
    public required string ScopeJson { get; set; }

    /// <summary><c>suppress</c>, <c>confirm</c> or <c>cap</c>.</summary>
    public required string Effect { get; set; }

    public double? CapScore { get; set; }
    public string? ExternalId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Incremented by every update; the optimistic concurrency token.</summary>
    public int Version { get; set; }
}
