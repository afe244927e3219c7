using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Host.Hosting;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Enforcement;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Roles;

/// <summary>
/// The one interface of <c>autorespond sensor --interface NAME</c>, opened before the host is built (so a wrong name or a
/// missing privilege stops the command at start), with the <see cref="TcpResetEnforcer"/> that injects on it.
/// </summary>
public sealed class LiveInterface : IDisposable
{
    private LiveInterface(LiveCaptureSource source)
    {
        Source = source;
        Enforcer = new TcpResetEnforcer(source);
    }

    public LiveCaptureSource Source { get; }

    public TcpResetEnforcer Enforcer { get; }

    /// <exception cref="CaptureException">The interface does not exist or cannot be captured on (privileges).</exception>
    public static LiveInterface Open(string name, string? filter) =>
        new(new LiveCaptureSource(name, new LiveCaptureOptions { Filter = filter }));

    public void Dispose() => Source.Dispose();
}

/// <summary>
/// The <c>tcp-reset</c> action kind in a distributed deployment: the live sensor consumes <c>{prefix}-action-tcp-reset</c>
/// exactly as a responder consumes the other kinds' queues (<see cref="ActionCommandConsumer"/> over an
/// <see cref="InProcessDispatcher"/>, single active consumer, one command at a time), with a <see cref="SensorResetExecutor"/>
/// over its one enforcer: apply and revert answer the engine, which records them in the ledger, and expired rules are
/// removed every <see cref="ExpiryInterval"/> as in <c>run</c>. With several sensors only the active consumer applies a
/// reset (docs/deployment.md).
/// </summary>
internal static class SensorResets
{
    /// <summary>How often expired rules are removed: as often as <c>run</c>'s live pipeline does.</summary>
    public static readonly TimeSpan ExpiryInterval = TimeSpan.FromSeconds(2);

    /// <summary>The sensor's bus: with a live interface, the consumer of the <c>tcp-reset</c> queue; without (replay), none.</summary>
    public static void AddSensorBus(this IServiceCollection services, BusSettings bus, Uri? broker, LiveInterface? live)
    {
        if (live is null)
        {
            services.AddAutoRespondBus(bus, _ => { });
            return;
        }
        string worker = RoleHosting.WorkerName("sensor");
        string queue = BusActionDispatcher.QueueName(bus.EndpointPrefix, ActionKinds.TcpReset);
        services.AddSingleton(sp => new SensorResetExecutor([live.Enforcer], sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SensorResetExecutor>>()));
        services.AddSingleton(sp => new InProcessDispatcher(
            [new WallClockExecutor(sp.GetRequiredService<SensorResetExecutor>(), sp.GetRequiredService<TimeProvider>())]));
        services.AddScoped(sp => new ActionCommandConsumer(sp.GetRequiredService<InProcessDispatcher>(), worker,
            sp.GetRequiredService<ILogger<ActionCommandConsumer>>()));
        if (broker is not null)
            services.AddHostedService(sp => new ResponderRole.TopologyStartup(broker, [queue], sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ResponderRole.TopologyStartup>>()));
        services.AddHostedService(sp => new ExpiryService(sp.GetRequiredService<SensorResetExecutor>(), sp.GetRequiredService<TimeProvider>()));
        services.AddAutoRespondBus(bus, x => x.AddConsumer<ActionCommandConsumer>().ExcludeFromConfigureEndpoints(),
            (context, endpoint) => endpoint(queue, e =>
            {
                // As the responder's action queues: one command at a time, by one sensor at a time (the others stand by).
                e.ConcurrentMessageLimit = 1;
                if (e is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SingleActiveConsumer = true;
                e.ConfigureConsumer<ActionCommandConsumer>(context);
            }));
    }

    /// <summary>Removes expired reset rules periodically (each is logged by the executor).</summary>
    private sealed class ExpiryService(SensorResetExecutor resets, TimeProvider time) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(ExpiryInterval, time);
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                    resets.ExpireDue();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // stopping
            }
        }
    }
}
