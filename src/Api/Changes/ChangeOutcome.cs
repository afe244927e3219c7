using System.Text.Json;

namespace AutoRespond.Api.Changes;

/// <summary>What the webhook did: <c>created</c>, <c>updated</c>, <c>deleted</c> or <c>ignored</c>, and the CIs that match no device.</summary>
public sealed record ChangeOutcome(string Result, string? WindowId, Windows.WindowView? Window, IReadOnlyList<string> Unmatched, string Message);
