using System.Collections.Concurrent;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// What the Graph executors did per action id, for redelivery, verification and revert: the user, whether the account
/// was enabled before disable-user, and the messages quarantine-email moved (original id → id after the move).
/// In memory only: after a restart a revert of quarantine-email cannot find the moved ids (the apply outcome's detail
/// lists them), and a revert of disable-user re-enables the account (docs/integrations-identity-tickets.md).
/// </summary>
internal sealed class GraphActionRecords
{
    private readonly ConcurrentDictionary<string, GraphActionRecord> _records = new(StringComparer.Ordinal);

    public GraphActionRecord? Find(string actionId) => _records.GetValueOrDefault(actionId);

    /// <summary>Keeps the first record of an action (a redelivery must not overwrite "was enabled before").</summary>
    public GraphActionRecord AddOrKeep(GraphActionRecord record) => _records.GetOrAdd(record.ActionId, record);

    public void Set(GraphActionRecord record) => _records[record.ActionId] = record;

    public void Remove(string actionId) => _records.TryRemove(actionId, out _);
}

/// <param name="Time">The action's time (revoke-sessions: sessions valid from this time on were revoked by it).</param>
/// <param name="WasEnabled">disable-user: the account was enabled before the action (so a revert enables it again).</param>
/// <param name="Moved">quarantine-email: original message id → its id after the move.</param>
/// <param name="Completed">Every step of the apply succeeded.</param>
internal sealed record GraphActionRecord(
    string ActionId,
    string User,
    DateTimeOffset Time,
    string? ObjectId = null,
    bool WasEnabled = true,
    IReadOnlyList<MovedMessage>? Moved = null,
    bool Completed = false);

internal sealed record MovedMessage(string OriginalId, string CurrentId);
