using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;
using AutoRespond.Storage;

namespace AutoRespond.Responders.Engine;

/// <summary>
/// The engine's in-memory view of live actions, for the limit and duplicate gates and for pending
/// confirmations. The ledger stays the source of truth; this index follows every recorded decision,
/// approval, release and expiry. Thread-safe: confirmations and expiry run beside the engine.
/// </summary>
public sealed class ActiveActionIndex
{
    /// <summary>
    /// States that hold a place under <c>max_active_actions</c>: the ledger's <see cref="LedgerStates.Active"/>
    /// plus dry-run (what autonomous mode would have done) and awaiting-confirmation (it may be approved).
    /// </summary>
    public static readonly IReadOnlyList<string> CountedStates =
        [.. LedgerStates.Active, ActionStates.DryRun, ActionStates.AwaitingConfirmation];

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Target, string Kind), ActiveAction> _active = [];
    private readonly Queue<DateTimeOffset> _created = new();

    /// <summary>Live actions other than tickets (tickets disrupt nothing and are never counted).</summary>
    public int CountActive(DateTimeOffset now)
    {
        lock (_lock)
        {
            Prune(now);
            return _active.Values.Count(a => a.Kind != ActionKinds.Ticket && CountedStates.Contains(a.State, StringComparer.Ordinal));
        }
    }

    public int CountCreatedSince(DateTimeOffset since)
    {
        lock (_lock)
        {
            while (_created.TryPeek(out var oldest) && oldest < since) _created.Dequeue();
            return _created.Count;
        }
    }

    public ActiveAction? Find(string target, string kind, DateTimeOffset now)
    {
        lock (_lock)
        {
            Prune(now);
            return _active.GetValueOrDefault((target, kind));
        }
    }

    public ActiveAction? FindById(string actionId)
    {
        lock (_lock) return _active.Values.FirstOrDefault(a => a.ActionId == actionId);
    }

    /// <summary>Actions held for a person, oldest first.</summary>
    public IReadOnlyList<ActiveAction> Pending()
    {
        lock (_lock)
            return [.. _active.Values.Where(a => a.State == ActionStates.AwaitingConfirmation).OrderBy(a => a.Created)];
    }

    /// <summary>Adds an action that now has an effect (executed, dry-run or awaiting a person).</summary>
    public void Add(ActiveAction action)
    {
        lock (_lock)
        {
            _active[(action.Target, action.Kind)] = action;
            if (action.Kind != ActionKinds.Ticket) _created.Enqueue(action.Created);
        }
    }

    /// <summary>A live action changed state (approved, failed…): still live if the new state is counted.</summary>
    public void Update(string actionId, string state)
    {
        lock (_lock)
        {
            var entry = _active.FirstOrDefault(p => p.Value.ActionId == actionId);
            if (entry.Value is null) return;
            if (CountedStates.Contains(state, StringComparer.Ordinal)) _active[entry.Key] = entry.Value with { State = state };
            else _active.Remove(entry.Key);
        }
    }

    /// <summary>A live action now expires at <paramref name="expires"/> (extended, or approved later than planned).</summary>
    public void SetExpires(string actionId, DateTimeOffset expires)
    {
        lock (_lock)
        {
            var entry = _active.FirstOrDefault(p => p.Value.ActionId == actionId);
            if (entry.Value is not null) _active[entry.Key] = entry.Value with { Expires = expires };
        }
    }

    public void Remove(string target, string kind)
    {
        lock (_lock) _active.Remove((target, kind));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _active.Where(p => p.Value.Expires is { } e && e <= now).Select(p => p.Key).ToArray())
            _active.Remove(key);
    }
}

/// <summary>A live action. <see cref="Plan"/> keeps what the engine planned, for an approval to dispatch.</summary>
public sealed record ActiveAction(string ActionId, string IncidentId, string Target, string Kind, string State,
    DateTimeOffset Created, DateTimeOffset? Expires, PlannedAction? Plan = null);
