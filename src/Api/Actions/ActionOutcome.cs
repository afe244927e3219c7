using AutoRespond.Storage;

namespace AutoRespond.Api.Actions;

/// <summary>What an approve, deny, extend or release did: the state afterwards and a message.</summary>
public sealed record ActionOutcome(string Id, string? State, string Message);
