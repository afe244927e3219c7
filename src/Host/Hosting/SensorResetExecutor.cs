using System.Collections.Concurrent;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Sensor.Enforcement;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Hosting;

/// <summary>
/// The <c>tcp-reset</c> action kind in <c>run</c>: the live sensor's own <see cref="ResetRuleBook"/>s (one per captured
/// interface) reset the device's TCP connections on every interface it is seen on. Apply adds the rule
/// (<see cref="ResetRuleBook.Apply"/>), revert removes it (<see cref="ResetRuleBook.Release"/>); the action id is the
/// rule's name, so a second apply is "already in place" and a second revert finds nothing.
/// </summary>
public sealed partial class SensorResetExecutor : IRevertibleActionExecutor
{
    private readonly IReadOnlyList<ResetRuleBook> _books;
    private readonly Outcomes _outcomes;

    public SensorResetExecutor(IReadOnlyList<TcpResetEnforcer> enforcers, TimeProvider time, ILogger<SensorResetExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(enforcers);
        _outcomes = new Outcomes(logger);
        _books = [.. enforcers.Select(e => new ResetRuleBook(e, _outcomes, time))];
    }

    public string Kind => ActionKinds.TcpReset;

    public string Name => ResetRuleBook.Executor;

    /// <summary>Rules in force (on the first interface; every interface holds the same).</summary>
    public int Rules => _books.Count == 0 ? 0 : _books[0].Count;

    public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_books.Count == 0)
            return ValueTask.FromResult(new DispatchOutcome(false, "no live interface: tcp-reset needs 'run --interface NAME'"));
        var header = new ActionHeader(action.ActionId, action.Incident.Id, action.Kind, action.Target, action.Time, action.Expires,
            action.Incident.Summary, 0);
        var command = new ResetConnections(header, action.Target, null);
        var results = _books.Select(book =>
        {
            _outcomes.Forget(action.ActionId);
            book.Apply(command);
            return _outcomes.Last(action.ActionId);
        }).ToList();
        var failed = results.FirstOrDefault(r => !r.Applied);
        return ValueTask.FromResult(failed ?? results[0]);
    }

    public ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revert);
        foreach (var book in _books) book.Release(revert);
        return ValueTask.FromResult(new DispatchOutcome(true, $"stopped resetting connections of {revert.Header.Target}"));
    }

    /// <summary>Removes expired rules (each reported in the log). Called periodically by the live pipeline.</summary>
    public int ExpireDue() => _books.Sum(b => b.ExpireDue());

    /// <summary>What the rule books report, kept per action id for the answer to the engine, and logged.</summary>
    private sealed partial class Outcomes(ILogger logger) : IActionOutcomeSink
    {
        private readonly ConcurrentDictionary<string, DispatchOutcome> _last = new(StringComparer.Ordinal);

        public void Forget(string actionId) => _last.TryRemove(actionId, out _);

        public DispatchOutcome Last(string actionId) =>
            _last.TryGetValue(actionId, out var outcome) ? outcome : new DispatchOutcome(false, "the sensor did not answer");

        public void Applied(ActionApplied outcome) => _last[outcome.ActionId] = new DispatchOutcome(true, outcome.Detail ?? "applied");

        public void AlreadyInPlace(ActionAlreadyInPlace outcome) => _last[outcome.ActionId] = new DispatchOutcome(true, "already in place");

        public void Failed(ActionFailed outcome) => _last[outcome.ActionId] = new DispatchOutcome(false, outcome.Error);

        public void Reverted(ActionReverted outcome) => LogReverted(logger, outcome.ActionId);

        public void Expired(ActionExpired outcome) => LogExpired(logger, outcome.ActionId);

        [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "tcp-reset {ActionId}: released")]
        private static partial void LogReverted(ILogger logger, string actionId);

        [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "tcp-reset {ActionId}: expired at the sensor")]
        private static partial void LogExpired(ILogger logger, string actionId);
    }
}
