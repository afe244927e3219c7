using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// What the Graph executors did per action id, for redelivery, verification and revert: the user, whether the account
/// was enabled before disable-user, and the messages quarantine-email moved (original id → id after the move).
/// In memory, for this process; what a revert needs also goes out with the apply as its undo state
/// (<see cref="GraphUndoState"/>, stored in the ledger), so a restarted or another responder can still revert.
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

/// <summary>
/// What a Graph revert needs, as the apply's undo state (<c>DispatchOutcome.UndoState</c>, kept in the ledger and handed
/// back in <c>RevertAction.UndoState</c>): the user, whether the account was enabled before (disable-user) and the
/// messages moved (quarantine-email). Used when this process holds no <see cref="GraphActionRecord"/> of the action.
/// </summary>
internal sealed record GraphUndoState(string User, bool? WasEnabled = null, IReadOnlyList<MovedMessage>? Moved = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, GraphJsonContext.Default.GraphUndoState);

    /// <summary>The state in <paramref name="json"/>, or null (none, or not a Graph undo state).</summary>
    public static GraphUndoState? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize(json, GraphJsonContext.Default.GraphUndoState) is { User: { Length: > 0 } } state
                && state.Moved?.Any(m => m is null or { OriginalId: null } or { CurrentId: null }) != true
                ? state
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GraphUndoState))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
