using AutoRespond.Storage;

namespace AutoRespond.Api.Actions;

/// <summary>The body of approve, deny and release: why (kept in the action's history and the audit log).</summary>
public sealed record ActionAnswer(string? Reason);
