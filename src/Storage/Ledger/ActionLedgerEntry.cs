namespace AutoRespond.Storage;

/// <summary>
/// An action as the ledger holds it: what to record, and the current row when read back.
/// Times may carry any offset; they are stored, and returned, in UTC.
/// </summary>
/// <param name="UndoState">What the executors need to undo the applied action (opaque here), or null.</param>
public sealed record ActionLedgerEntry(
    string ActionId,
    string IncidentId,
    string Kind,
    string Target,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    int PolicyVersion,
    string? WindowName,
    string Reason,
    string? UndoState = null);
