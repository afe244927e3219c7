using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Bus;

/// <summary>Source-generated log messages of the bus registration. Event ids 1100-1199 belong to the bus.</summary>
internal static partial class BusLog
{
    [LoggerMessage(EventId = 1100, EventName = "BusInMemory", Level = LogLevel.Information,
        Message = "Bus transport: in-memory (single process)")]
    public static partial void UsingInMemory(ILogger logger);

    /// <param name="logger">The logger.</param>
    /// <param name="broker">The broker address with its password masked (<see cref="AmqpAddress.ToString"/>).</param>
    [LoggerMessage(EventId = 1101, EventName = "BusRabbitMq", Level = LogLevel.Information,
        Message = "Bus transport: RabbitMQ at '{Broker}' (quorum queues, publisher confirms)")]
    public static partial void UsingRabbitMq(ILogger logger, string broker);
}
