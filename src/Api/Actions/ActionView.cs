using AutoRespond.Storage;

namespace AutoRespond.Api.Actions;

/// <summary>
/// An action as the API shows it. <see cref="ExpiresAt"/> is the effective expiry (after extensions);
/// <see cref="ApprovalDeadline"/> is set while it awaits confirmation; <see cref="History"/> only on a single get.
/// </summary>
public sealed record ActionView(
    string Id, string Incident, string Kind, string Target, string State, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset UpdatedAt, int PolicyVersion, string? Window, string Reason, DateTimeOffset? ApprovalDeadline,
    IReadOnlyList<ActionStateChange>? History);
