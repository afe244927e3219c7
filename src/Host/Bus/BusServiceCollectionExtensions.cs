using AutoRespond.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Bus;

/// <summary>
/// <c>AddAutoRespondBus</c>: one MassTransit bus for every role, in memory by default, RabbitMQ when asked.
/// Topology and the reasons behind it: docs/decisions/0002-bus-topology.md.
/// </summary>
public static class BusServiceCollectionExtensions
{
    private static readonly TimeSpan[] Intervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// Consumer retry on every endpoint, in the consuming process, before a message goes to its <c>_error</c>
    /// queue: 100 ms, 500 ms, 2 s (4 attempts in about 2.6 s). Consumers must be idempotent (docs/decisions/0002).
    /// </summary>
    public static IReadOnlyList<TimeSpan> RetryIntervals { get; } = Array.AsReadOnly(Intervals);

    /// <summary>
    /// Registers MassTransit with kebab-case endpoints named <c>{EndpointPrefix}-{consumer}</c>, one receive
    /// endpoint per consumer (<c>ConfigureEndpoints</c>), consumer retry on every endpoint and MassTransit's
    /// default <c>{queue}_error</c> queue as the dead letter. On RabbitMQ every receive endpoint is a durable
    /// quorum queue and publishes wait for publisher confirms.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="settings">Transport and broker address.</param>
    /// <param name="configureConsumers">Adds the consumers (and their definitions) of the roles this process runs.</param>
    public static IServiceCollection AddAutoRespondBus(
        this IServiceCollection services,
        BusSettings settings,
        Action<IBusRegistrationConfigurator> configureConsumers,
        Action<IBusRegistrationContext, Action<string, Action<IReceiveEndpointConfigurator>>>? namedEndpoints = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configureConsumers);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.EndpointPrefix);

        // Parse before anything is registered: a bad URI fails at start-up, not on first publish.
        var broker = settings.Transport switch
        {
            BusTransport.InMemory => null,
            BusTransport.RabbitMq => AmqpAddress.Parse(settings.RabbitMqUri
                ?? throw new ArgumentException("BusTransport.RabbitMq needs a RabbitMqUri.", nameof(settings))),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Transport, "Unknown bus transport."),
        };

        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true; // the host is not "started" until the bus is connected
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(settings.EndpointPrefix, includeNamespace: false));
            x.AddConfigureEndpointsCallback((_, _, endpoint) => Durable(endpoint));

            configureConsumers(x);

            if (broker is null)
            {
                x.UsingInMemory((context, cfg) =>
                {
                    BusLog.UsingInMemory(Logger(context));
                    namedEndpoints?.Invoke(context, (name, configure) => cfg.ReceiveEndpoint(name, e =>
                    {
                        Durable(e);
                        configure(e);
                    }));
                    cfg.ConfigureEndpoints(context);
                });
                return;
            }

            x.UsingRabbitMq((context, cfg) =>
            {
                BusLog.UsingRabbitMq(Logger(context), broker.ToString());
                cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                    h.PublisherConfirmation = true;
                    if (broker.UseTls)
                    {
                        h.UseSsl(s => s.ServerName = broker.Host);
                    }
                });
                namedEndpoints?.Invoke(context, (name, configure) => cfg.ReceiveEndpoint(name, e =>
                {
                    Durable(e);
                    configure(e);
                }));
                cfg.ConfigureEndpoints(context);
            });
        });

        return services;
    }

    /// <summary>Every endpoint: in-place retry, then <c>_error</c>; a quorum queue on RabbitMQ.</summary>
    private static void Durable(IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseMessageRetry(r => r.Intervals(Intervals));
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }
    }

    private static ILogger Logger(IBusRegistrationContext context) =>
        context.GetService<ILoggerFactory>()?.CreateLogger(typeof(BusServiceCollectionExtensions).FullName!)
        ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
