using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Dispatch;

/// <summary>Hands an action to whatever executes its kind (in process, or a queue per kind on the bus).</summary>
public interface IActionDispatcher
{
    ValueTask<DispatchOutcome> DispatchAsync(PlannedAction action, CancellationToken cancellationToken);

    /// <summary>Undoes an applied action (expiry or release). Only called for <see cref="ActionKinds.IsRevertible"/> kinds.</summary>
    ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken);
}

/// <param name="UndoState">
/// What a revert needs that the target cannot tell (ids a move gave the messages, whether the account was disabled before):
/// small, opaque to all but the executor that wrote it, stored in the ledger with the applied action and handed back in
/// <see cref="RevertAction.UndoState"/>, so any responder, after any restart, can undo it. Null: nothing needed.
/// </param>
public sealed record DispatchOutcome(bool Applied, string Detail, string? UndoState = null);

/// <summary>One executor of one action kind at one target system (a firewall, a ticketing system…).</summary>
public interface IActionExecutor
{
    /// <summary>The action kind (<see cref="ActionKinds"/>).</summary>
    string Kind { get; }

    /// <summary>The integration name from the config (fortios, jira, …).</summary>
    string Name { get; }

    ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken);
}

/// <summary>
/// An executor whose kind can be undone (firewall and switch ACLs, mail quarantine; Zeek's remove_rule).
/// Reverting something no longer in place succeeds: the action id is the rule name, so a second revert finds nothing.
/// </summary>
public interface IRevertibleActionExecutor : IActionExecutor
{
    ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken);
}

/// <summary>
/// Runs every executor registered for the action's kind. An action applies when every executor applied
/// it; with no executor for its kind it fails, saying which integration is missing — never silently.
/// A revert goes to every revertible executor of the kind; executors that cannot revert are named, not skipped silently.
/// The executors' undo states travel as one (<see cref="UndoStates"/>): each executor gets back its own.
/// </summary>
public sealed class InProcessDispatcher(IEnumerable<IActionExecutor> executors) : IActionDispatcher
{
    private readonly ILookup<string, IActionExecutor> _byKind = executors.ToLookup(e => e.Kind, StringComparer.Ordinal);

    public async ValueTask<DispatchOutcome> DispatchAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var forKind = _byKind[action.Kind].ToArray();
        if (forKind.Length == 0)
            return new DispatchOutcome(false, $"no integration configured for {action.Kind} (see 'integrations' in the config)");
        var details = new List<string>();
        var undo = new List<(string, string?)>();
        bool all = true;
        foreach (var executor in forKind)
        {
            var outcome = await ApplyOneAsync(executor, action, cancellationToken);
            all &= outcome.Applied;
            details.Add($"{executor.Name}: {outcome.Detail}");
            undo.Add((executor.Name, outcome.UndoState));
        }
        return new DispatchOutcome(all, string.Join("; ", details), UndoStates.Combine(undo));
    }

    public async ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        var forKind = _byKind[revert.Header.Kind].ToArray();
        if (forKind.Length == 0)
            return new DispatchOutcome(false, $"no integration configured for {revert.Header.Kind} to revert it");
        var details = new List<string>();
        bool all = true;
        foreach (var executor in forKind)
        {
            if (executor is not IRevertibleActionExecutor revertible)
            {
                all = false;
                details.Add($"{executor.Name}: cannot revert {revert.Header.Kind}");
                continue;
            }
            var outcome = await revertible.RevertAsync(revert with { UndoState = UndoStates.Of(revert.UndoState, executor.Name) },
                cancellationToken);
            all &= outcome.Applied;
            details.Add($"{executor.Name}: {outcome.Detail}");
        }
        return new DispatchOutcome(all, string.Join("; ", details));
    }

    /// <summary>An executor that throws fails its action, with the error as the detail; it never takes the engine down.</summary>
    private static async ValueTask<DispatchOutcome> ApplyOneAsync(IActionExecutor executor, PlannedAction action, CancellationToken cancellationToken)
    {
        try
        {
            return await executor.ApplyAsync(action, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DispatchOutcome(false, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
