using AutoRespond.Contracts;

namespace AutoRespond.Responders.Engine;

/// <summary>
/// The engine's in-memory view of live actions, for the limit and duplicate gates. The ledger stays the
/// source of truth; this index is rebuilt from it at start-up and updated as decisions are recorded.
/// </summary>
public sealed class ActiveActionIndex
{
    private readonly Dictionary<(string Target, string Kind), ActiveAction> _active = [];
    private readonly Queue<DateTimeOffset> _created = new();

    public int CountActive(DateTimeOffset now)
    {
        Prune(now);
        return _active.Values.Count(a => a.Kind != ActionKinds.Ticket);
    }

    public int CountCreatedSince(DateTimeOffset since)
    {
        while (_created.TryPeek(out var oldest) && oldest < since) _created.Dequeue();
        return _created.Count;
    }

    public ActiveAction? Find(string target, string kind, DateTimeOffset now)
    {
        Prune(now);
        return _active.GetValueOrDefault((target, kind));
    }

    /// <summary>Adds an action that now has an effect (executed, dry-run or awaiting a person).</summary>
    public void Add(ActiveAction action)
    {
        _active[(action.Target, action.Kind)] = action;
        if (action.Kind != ActionKinds.Ticket) _created.Enqueue(action.Created);
    }

    public void Remove(string target, string kind) => _active.Remove((target, kind));

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _active.Where(p => p.Value.Expires is { } e && e <= now).Select(p => p.Key).ToArray())
            _active.Remove(key);
    }
}

public sealed record ActiveAction(string ActionId, string IncidentId, string Target, string Kind, string State,
    DateTimeOffset Created, DateTimeOffset? Expires);
