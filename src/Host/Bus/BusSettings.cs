using AutoRespond.Configuration;
using System.Text;

namespace AutoRespond.Host.Bus;

/// <summary>
/// Where the bus runs. The host maps its configuration file onto this record.
/// <see cref="RabbitMqUri"/> is <c>amqp://user:password@host:port/vhost</c> and is required for
/// <see cref="BusTransport.RabbitMq"/>; it carries a secret, so <see cref="ToString"/> masks the password.
/// </summary>
public sealed record BusSettings(BusTransport Transport, Uri? RabbitMqUri)
{
    /// <summary>The default value of <see cref="EndpointPrefix"/>.</summary>
    public const string DefaultEndpointPrefix = "autorespond";

    /// <summary>The in-process default: in-memory transport, no broker.</summary>
    public static BusSettings InMemory { get; } = new(BusTransport.InMemory, null);

    /// <summary>
    /// Prefix of every receive endpoint (queue) name, kebab-case. The default value is <c>autorespond</c>.
    /// Tests set a unique prefix per run so that queues of different runs never share messages.
    /// </summary>
    public string EndpointPrefix { get; init; } = DefaultEndpointPrefix;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Transport = ").Append(Transport)
            .Append(", RabbitMqUri = ").Append(RabbitMqUri is null ? "" : AmqpAddress.Mask(RabbitMqUri))
            .Append(", EndpointPrefix = ").Append(EndpointPrefix);
        return true;
    }
}
