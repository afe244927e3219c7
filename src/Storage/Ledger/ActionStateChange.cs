namespace AutoRespond.Storage;

/// <summary>One entry of an action's history. <see cref="FromState"/> is null for the entry that recorded it.</summary>
public sealed record ActionStateChange(
    int Sequence,
    DateTimeOffset Time,
    string? FromState,
    string ToState,
    string Actor,
    string Detail);
