using RabbitMQ.Client;

namespace AutoRespond.Host.Bus;

/// <summary>
/// Declares, before anyone sends to them, the queues that a role sends to by name (the brain partitions, the per-kind
/// action queues) exactly as MassTransit's receive endpoint will: a durable quorum queue, a durable fanout exchange of the
/// same name, and the binding. Senders then send to <c>exchange:{name}</c>: nothing is lost if the consumer starts later,
/// and a sender never creates the queue as a classic queue (which would make the consumer's quorum declaration fail).
/// </summary>
public static class QueueTopology
{
    /// <param name="singleActiveConsumer">Declare the queues with <c>x-single-active-consumer</c> (the per-kind action queues).</param>
    public static async Task EnsureAsync(Uri broker, IEnumerable<string> queues, CancellationToken cancellationToken,
        bool singleActiveConsumer = false)
    {
        await using var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "autorespond-topology" }
            .CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in queues)
        {
            var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
            if (singleActiveConsumer) arguments["x-single-active-consumer"] = true;
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments,
                cancellationToken: cancellationToken);
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>The send address of a queue declared by <see cref="EnsureAsync"/>.</summary>
    public static Uri SendAddress(string queue) => new($"exchange:{queue}");
}
