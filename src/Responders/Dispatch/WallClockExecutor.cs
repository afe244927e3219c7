using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Dispatch;

/// <summary>
/// An action is applied for its full duration from the moment a worker applies it: the executor sees the action re-timed
/// to the wall clock (same id, same duration). Replay decides on the capture's clock (a one-hour block decided at a packet
/// time of last week must still last an hour at the firewall, not be refused as expired), and a command that waited in a
/// queue still gets its whole duration at the target. When it is reverted is still the ledger's expiry, set at decision
/// time (docs/decisions/0005).
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
