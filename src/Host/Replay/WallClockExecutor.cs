using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Host.Replay;

/// <summary>
/// Replay decides on the capture's clock, but an action it executes for real happens now: a one-hour block decided at a
/// packet time of last week must still last an hour at the firewall, not be "already expired". This wrapper re-times the
/// action to the wall clock before the executor sees it (same id, same duration).
/// </summary>
public sealed class WallClockExecutor(IActionExecutor inner, TimeProvider time) : IRevertibleActionExecutor
{
    public string Kind => inner.Kind;

    public string Name => inner.Name;

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken) =>
        inner.ApplyAsync(action with { Time = time.GetUtcNow() }, cancellationToken);

    public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken) =>
        inner is IRevertibleActionExecutor revertible
            ? revertible.RevertAsync(revert, cancellationToken)
            : ValueTask.FromResult(new DispatchOutcome(false, $"{inner.Name} cannot revert {inner.Kind}"));
}
