namespace AutoRespond.Storage;

/// <summary>An action with its full history, oldest change first.</summary>
public sealed record ActionSnapshot(
    ActionLedgerEntry Action,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ActionStateChange> History);
