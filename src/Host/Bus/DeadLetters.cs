using System.Text;
using AutoRespond.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AutoRespond.Host.Bus;

/// <summary>
/// The dead-letter queues (<c>{queue}_error</c>, where MassTransit moves a message after its retries) over plain AMQP:
/// no management plugin needed. Queue names are known from the topology (docs/decisions/0002), so each is checked with a
/// passive declare. Replay moves messages back to their queue one at a time: publish with a broker confirm, then ack, so
/// a crash in between duplicates a message (harmless: consumers are idempotent) and never loses one.
/// </summary>
public sealed class DeadLetters(Uri broker, string prefix)
{
    private static readonly string[] Fixed = ["incident-scored", "policy-changed"];

    /// <summary>Every queue of the topology that may have an <c>_error</c> twin.</summary>
    public IEnumerable<string> KnownQueues(int brainPartitions) =>
        Fixed.Select(q => $"{prefix}-{q}")
            .Concat(ActionKinds.All.Select(k => $"{prefix}-action-{k}"))
            .Concat(Enumerable.Range(0, brainPartitions).Select(p => $"{prefix}-brain-{p}"));

    /// <summary>Dead-letter queues that exist, with their message counts.</summary>
    public async Task<IReadOnlyList<(string Queue, uint Messages)>> ListAsync(int brainPartitions, CancellationToken cancellationToken)
    {
        await using var connection = await Connect(cancellationToken);
        var found = new List<(string, uint)>();
        foreach (var queue in KnownQueues(brainPartitions).Select(q => q + "_error"))
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                found.Add((queue, ok.MessageCount));
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
            }
        }
        return found;
    }

    /// <summary>The first <paramref name="count"/> messages of a dead-letter queue (put back afterwards): message type and fault.</summary>
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string errorQueue, int count, CancellationToken cancellationToken)
    {
        await using var connection = await Connect(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var taken = new List<(ulong Tag, DeadLetter Letter)>();
        for (int i = 0; i < count; i++)
        {
            var got = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (got is null) break;
            taken.Add((got.DeliveryTag, Describe(got)));
        }
        foreach (var (tag, _) in taken)
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        return [.. taken.Select(t => t.Letter)];
    }

    /// <summary>Moves up to <paramref name="max"/> messages from <c>Q_error</c> back to <c>Q</c>; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string errorQueue, int max, CancellationToken cancellationToken)
    {
        if (!errorQueue.EndsWith("_error", StringComparison.Ordinal))
            throw new ArgumentException($"{errorQueue} is not a dead-letter queue (its name ends in _error)", nameof(errorQueue));
        string target = errorQueue[..^"_error".Length];
        await using var connection = await Connect(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.QueueDeclarePassiveAsync(target, cancellationToken); // the queue must exist: never publish into nothing
        int moved = 0;
        while (moved < max && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } got)
        {
            var properties = new BasicProperties(got.BasicProperties);
            if (properties.Headers is { } headers)
                properties.Headers = headers.Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value);
            await channel.BasicPublishAsync("", target, mandatory: true, properties, got.Body, cancellationToken);
            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    private async Task<IConnection> Connect(CancellationToken cancellationToken) =>
        await new ConnectionFactory { Uri = broker, ClientProvidedName = "autorespond-dlq" }.CreateConnectionAsync(cancellationToken);

    private static DeadLetter Describe(BasicGetResult got)
    {
        string? Header(string name) => got.BasicProperties.Headers?.TryGetValue(name, out var v) == true
            ? v switch { byte[] b => Encoding.UTF8.GetString(b), null => null, _ => v.ToString() }
            : null;
        return new DeadLetter(got.BasicProperties.MessageId ?? "", Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message"),
            Header("MT-Fault-Timestamp"), Header("MT-Reason"), got.Body.Length);
    }
}

/// <summary>One dead-lettered message: its id, why it failed, and its size.</summary>
public sealed record DeadLetter(string MessageId, string? ExceptionType, string? Error, string? FailedAt, string? Reason, int Bytes);
