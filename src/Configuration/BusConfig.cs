namespace AutoRespond.Configuration;

/// <summary>The <c>bus:</c> section.</summary>
/// <param name="Transport"><c>in-memory</c> (default) or <c>rabbitmq</c>.</param>
/// <param name="Uri">The broker (<c>amqp://</c> or <c>amqps://</c>); set exactly when the transport is RabbitMQ.</param>
public sealed record BusConfig(BusTransport Transport, Uri? Uri)
{
    /// <summary>The in-process bus.</summary>
    public static BusConfig Default { get; } = new(BusTransport.InMemory, null);
}

/// <summary>Bus transports: <c>in-memory</c> or <c>rabbitmq</c>.</summary>
public enum BusTransport
{
    /// <summary><c>in-memory</c>: one process.</summary>
    InMemory,

    /// <summary><c>rabbitmq</c>: a broker, for distributed roles.</summary>
    RabbitMq,
}
