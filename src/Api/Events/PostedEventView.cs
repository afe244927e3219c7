using System.Text.Json;

namespace AutoRespond.Api.Events;

/// <summary>A stored identity or email event.</summary>
public sealed record PostedEventView(long Id, string Kind, DateTimeOffset Time, string User, string? Address, string? MessageId,
    JsonElement Detail, string PostedBy, DateTimeOffset PostedAt);
