namespace AutoRespond.Responders.Engine;

/// <summary>What the engine decided for one action, as it goes into the ledger and the replay output.</summary>
/// <param name="Gate">The gate that decided (denied or held), or null when every gate allowed.</param>
/// <param name="Note">Context that changed nothing, such as "resembles planned work: …"; also part of <paramref name="Reason"/>.</param>
/// <param name="GateOutcomes">Every gate that ruled on the action, in order, with its verdict and reason.</param>
/// <remarks><see cref="PolicyVersion"/>: the version of the policy the decision was made under (0: the config file).</remarks>
public sealed record ActionDecision(
    string ActionId,
    string IncidentId,
    string Kind,
    string Target,
    string State,
    DateTimeOffset Time,
    DateTimeOffset? Expires,
    string? Window,
    string Reason,
    string? Gate,
    int StepIndex,
    string? Note = null,
    IReadOnlyList<Gates.GateOutcome>? GateOutcomes = null)
{
    /// <summary>The policy version the decision was made under (0: the config file; see <c>PolicyProvider</c>).</summary>
    public int? PolicyVersion { get; init; }

    /// <summary>An executed action's undo state (<see cref="Dispatch.DispatchOutcome.UndoState"/>), stored with it in the ledger.</summary>
    public string? UndoState { get; init; }
}

/// <summary>Receives every decision the engine makes, in order (replay output, console, metrics).</summary>
public interface IResponseObserver
{
    void OnAction(ActionDecision decision);
}

/// <summary>Persists decisions (the action ledger). Returns false when the decision was already recorded.</summary>
public interface IActionRecorder
{
    ValueTask<bool> RecordAsync(ActionDecision decision, CancellationToken cancellationToken);
}

/// <summary>Keeps decisions in memory: replay without a configured database, and tests.</summary>
public sealed class InMemoryActionRecorder : IActionRecorder
{
    private readonly Dictionary<string, List<ActionDecision>> _history = new(StringComparer.Ordinal);

    public IReadOnlyList<ActionDecision> HistoryOf(string actionId) =>
        _history.TryGetValue(actionId, out var list) ? list : [];

    public int Count => _history.Count;

    public ValueTask<bool> RecordAsync(ActionDecision decision, CancellationToken cancellationToken)
    {
        if (!_history.TryGetValue(decision.ActionId, out var list)) _history[decision.ActionId] = list = [];
        if (list.Count > 0 && list[^1].State == decision.State) return ValueTask.FromResult(false);
        list.Add(decision);
        return ValueTask.FromResult(true);
    }
}
