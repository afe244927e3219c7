using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;
using MassTransit;

namespace AutoRespond.Responders.Dispatch;

/// <summary>
/// Dispatches over the bus: each action goes to the queue of its kind (<see cref="QueueName"/>), where any responder
/// worker with executors for that kind applies it and answers (sent to the exchange of the queue's name, which the host
/// declares with the queue at start, so a command waits in the queue for a worker instead of creating it). A firewall that takes 30 s backs up only its own
/// queue. A timeout or a lost answer fails the action here; the command itself may still be applied by a worker,
/// which is why the action id is the idempotency key and the incident's redelivery re-dispatches harmlessly.
/// </summary>
public sealed class BusActionDispatcher(IClientFactory clients, string endpointPrefix, TimeSpan timeout) : IActionDispatcher
{
    /// <summary>The queue of an action kind: <c>{prefix}-action-{kind}</c>, e.g. <c>autorespond-action-firewall-block</c>.</summary>
    public static string QueueName(string endpointPrefix, string kind) => $"{endpointPrefix}-action-{kind}";

    public async ValueTask<DispatchOutcome> DispatchAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var header = new ActionHeader(action.ActionId, action.Incident.Id, action.Kind, action.Target, action.Time,
            action.Expires, action.Incident.Summary, 0);
        var command = new ApplyAction(header, action.Incident, action.User, action.StepIndex, action.StepMinScore, action.Duration);
        return await RequestAsync(action.Kind, command, cancellationToken);
    }

    public async ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken) =>
        await RequestAsync(revert.Header.Kind, new RevertActionRequest(revert), cancellationToken);

    /// <summary>
    /// Sends the command and waits for a worker's answer, re-sending it when no answer comes within
    /// <see cref="AttemptTimeout"/> or the broker connection fails: an answer lost with a restarting broker (its reply
    /// queue is not durable) or a worker killed mid-action must not leave the action undecided. Re-sending is safe
    /// because the action id is the idempotency key at the target; the whole wait is bounded by the dispatcher's timeout.
    /// </summary>
    private async ValueTask<DispatchOutcome> RequestAsync<T>(string kind, T command, CancellationToken cancellationToken)
        where T : class
    {
        var address = new Uri($"exchange:{QueueName(endpointPrefix, kind)}");
        var attempt = TimeSpan.FromTicks(Math.Min(AttemptTimeout.Ticks, timeout.Ticks));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int tries = 1; ; tries++)
        {
            try
            {
                var client = clients.CreateRequestClient<T>(address, RequestTimeout.After(ms: (int)attempt.TotalMilliseconds));
                var response = await client.GetResponse<ActionOutcome>(command, cancellationToken);
                return new DispatchOutcome(response.Message.Applied, $"{response.Message.Worker}: {response.Message.Detail}",
                    response.Message.UndoState);
            }
            catch (Exception e) when (e is RequestTimeoutException or MassTransitException && !cancellationToken.IsCancellationRequested)
            {
                if (clock.Elapsed + attempt > timeout)
                    return new DispatchOutcome(false,
                        $"no {kind} worker answered within {timeout.TotalSeconds:0} s ({tries} attempts; queue {QueueName(endpointPrefix, kind)})");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * tries)), cancellationToken);
            }
        }
    }

    /// <summary>How long one attempt waits for a worker's answer before the command is sent again.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);
}
