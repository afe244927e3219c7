namespace AutoRespond.Host.Bus;

/// <summary>Which MassTransit transport carries the messages between roles.</summary>
public enum BusTransport
{
    /// <summary>All roles in one process (<c>autorespond run|replay|demo</c>): no broker to install. The default.</summary>
    InMemory = 0,

    /// <summary>Roles in separate processes over RabbitMQ: quorum queues, publisher confirms, <c>_error</c> queues.</summary>
    RabbitMq = 1,
}
