using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Api.Tests.Console;

/// <summary>
/// Stands in for an integration (a firewall, a ticketing system) at the executor seam of <c>run</c>: applies every
/// action of its kind and remembers it. The real executors are registered through the same seam.
/// </summary>
public sealed class TestExecutor(string kind) : IRevertibleActionExecutor
{
    public static readonly List<string> Applied = [];

    public string Kind { get; } = kind;

    public string Name => "test-" + Kind;

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        lock (Applied) Applied.Add(action.ActionId);
        return ValueTask.FromResult(new DispatchOutcome(true, "applied by the test executor"));
    }

    public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DispatchOutcome(true, "reverted by the test executor"));
}
