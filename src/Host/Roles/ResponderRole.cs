using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors;
using AutoRespond.Host.Bus;
using AutoRespond.Responders;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Policy;
using AutoRespond.Responders.Windows;
using AutoRespond.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Roles;

/// <summary>
/// <c>autorespond responder</c>: the response engine on <c>IncidentScored</c> (competing consumers across processes), the
/// durable ledger, expiry and confirmation time-outs, policy hot reload, and the executors of every configured integration
/// consuming the per-kind action queues (<c>{prefix}-action-{kind}</c>). The engine dispatches through those queues, so any
/// worker may apply an action that another decided; the action id keeps a redelivered command from acting twice.
/// </summary>
internal static class ResponderRole
{
    /// <summary>How long the engine waits for a worker's answer before it fails the action.</summary>
    public static readonly TimeSpan DispatchTimeout = TimeSpan.FromSeconds(120);

    public static IHost Build(AutoRespondConfig config, IPEndPoint? health = null)
    {
        var builder = RoleHosting.CreateBuilder("responder");
        var services = builder.Services;
        if (health is not null) services.AddRoleHealth(health).AddLedgerCheck();
        var bus = RoleHosting.BusSettingsFor(config);
        string worker = RoleHosting.WorkerName("responder");
        services.AddAutoRespondStorage(RoleHosting.StorageOptionsFor(config));
        var executors = services.AddExecutors(config.Integrations);
        services.AddSingleton<IActionDispatcher>(sp => new BusActionDispatcher(sp.GetRequiredService<IClientFactory>(), bus.EndpointPrefix, DispatchTimeout));
        services.AddResponseEngine(config);
        services.AddWindowStore(); // stored change windows (made through the API) reach this process: reload at start, on WindowChanged
        services.AddStoredWindows();
        services.AddResponseBackgroundServices();
        services.AddSingleton(sp => new InProcessDispatcher(sp.GetServices<IActionExecutor>()
            .Select(e => (IActionExecutor)new WallClockExecutor(e, sp.GetRequiredService<TimeProvider>()))));
        services.AddScoped(sp => new ActionCommandConsumer(sp.GetRequiredService<InProcessDispatcher>(), worker,
            sp.GetRequiredService<ILogger<ActionCommandConsumer>>()));
        if (config.Bus.Transport == BusTransport.RabbitMq && config.Bus.Uri is { } broker)
            services.AddHostedService(sp => new TopologyStartup(broker, ActionKinds.All.Select(k => BusActionDispatcher.QueueName(bus.EndpointPrefix, k)),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TopologyStartup>>()));
        services.AddHostedService(sp => new SharedStateRefreshService(sp.GetRequiredService<PolicyLoader>(), sp.GetService<WindowLoader>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SharedStateRefreshService>>()));
        services.AddHostedService(sp => new PolicyStartup(sp.GetRequiredService<PolicyLoader>(), sp.GetRequiredService<ILogger<PolicyStartup>>()));
        services.AddHostedService(sp => new WindowStartup(sp.GetRequiredService<WindowLoader>(), sp.GetRequiredService<ILogger<WindowStartup>>()));
        var kinds = executors.Registered.Select(r => r.Split('/')[0]).Distinct(StringComparer.Ordinal).ToArray();
        services.AddAutoRespondBus(bus, x =>
        {
            x.AddConsumer<IncidentScoredConsumer, IncidentScoredConsumerDefinition>();
            x.AddConsumer<PolicyChangedConsumer, PolicyChangedConsumerDefinition>();
            x.AddConsumer<WindowChangedConsumer>();
            x.AddConsumer<ActionCommandConsumer>().ExcludeFromConfigureEndpoints();
        }, (context, endpoint) =>
        {
            foreach (var kind in kinds)
                endpoint(BusActionDispatcher.QueueName(bus.EndpointPrefix, kind), e =>
                {
                    // One action of a kind at a time, by one worker at a time (the others stand by): two revisions of an
                    // incident decided by two responders must not both find "no ticket yet" and both create one.
                    e.ConcurrentMessageLimit = 1;
                    if (e is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SingleActiveConsumer = true;
                    e.ConfigureConsumer<ActionCommandConsumer>(context);
                });
        });
        var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AutoRespond.Responder");
        log.LogInformation("responder {Worker}: executors {Executors}; mode {Mode}", worker,
            kinds.Length == 0 ? "none (every executed action will fail: configure integrations)" : string.Join(", ", executors.Registered),
            config.Response.Mode);
        return host;
    }

    /// <summary>
    /// Declares every action kind's queue before the bus starts (see <see cref="QueueTopology"/>). A broker that is down
    /// (restarting) is waited for, as long as the bus itself would wait (60 s), instead of failing the process.
    /// </summary>
    internal sealed class TopologyStartup(Uri broker, IEnumerable<string> queues, TimeProvider time, ILogger<TopologyStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var started = time.GetTimestamp();
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    await QueueTopology.EnsureAsync(broker, queues, cancellationToken, singleActiveConsumer: true);
                    return;
                }
                catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException
                    && time.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
                {
                    log.LogWarning("broker not reachable yet (attempt {Attempt}): {Error}; retrying", attempt, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), time, cancellationToken);
                }
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>At start, the newest stored policy (if any) replaces the file's, so a restarted responder keeps what analysts set.</summary>
    private sealed class PolicyStartup(PolicyLoader loader, ILogger<PolicyStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var result = await loader.LoadCurrentAsync(cancellationToken);
            log.LogInformation("policy at start: {Status} (version {Version})", result.Status, result.Version);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>At start, the stored change windows join the config file's (then every <c>WindowChanged</c> reloads them).</summary>
    private sealed class WindowStartup(WindowLoader loader, ILogger<WindowStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            int count = await loader.ReloadAsync(cancellationToken);
            log.LogInformation("stored change windows at start: {Count}", count);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
