using AutoRespond.Storage;

namespace AutoRespond.Api.Actions;

/// <summary>The body of extend: how much longer (<c>30m</c>, <c>4h</c>, <c>1d</c>) and why.</summary>
public sealed record ActionExtension(string? By, string? Reason);
