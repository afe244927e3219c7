using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors;
using AutoRespond.Executors.Common;
using AutoRespond.Host.Bus;
using AutoRespond.Responders;
using AutoRespond.Responders.Dispatch;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// The responder role's bus wiring (src/Host/Roles/ResponderRole.cs) in the bench process, on the real RabbitMQ
/// transport: IncidentScoredConsumer → ResponseEngine → BusActionDispatcher → the per-kind action queues
/// (single active consumer, one message at a time) → ActionCommandConsumer → executor. The ledger is the in-memory one
/// (no storage), which is the only difference from <c>autorespond responder</c>.
/// </summary>
internal static class ResponderHost
{
    public static async Task<IHost> StartAsync(AutoRespondConfig config, Uri broker, string prefix, IReadOnlyDictionary<string, string> secrets,
        string[] kinds)
    {
        var settings = new BusSettings(BusTransport.RabbitMq, broker) { EndpointPrefix = prefix };
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddExecutors(config.Integrations, new DictionarySecretSource(secrets));
        services.AddSingleton<IActionDispatcher>(sp => new BusActionDispatcher(sp.GetRequiredService<IClientFactory>(), prefix, TimeSpan.FromSeconds(120)));
        services.AddResponseEngine(config);
        services.AddSingleton(sp => new InProcessDispatcher(sp.GetServices<IActionExecutor>()
            .Select(e => (IActionExecutor)new WallClockExecutor(e, sp.GetRequiredService<TimeProvider>()))));
        services.AddScoped(sp => new ActionCommandConsumer(sp.GetRequiredService<InProcessDispatcher>(), "bench-responder"));
        services.AddAutoRespondBus(settings, x =>
        {
            x.AddConsumer<IncidentScoredConsumer, IncidentScoredConsumerDefinition>();
            x.AddConsumer<ActionCommandConsumer>().ExcludeFromConfigureEndpoints();
        }, (context, endpoint) =>
        {
            foreach (var kind in kinds)
                endpoint(BusActionDispatcher.QueueName(prefix, kind), e =>
                {
                    e.ConcurrentMessageLimit = 1;
                    if (e is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SingleActiveConsumer = true;
                    e.ConfigureConsumer<ActionCommandConsumer>(context);
                });
        });
        await QueueTopology.EnsureAsync(broker, ActionKinds.All.Select(k => BusActionDispatcher.QueueName(prefix, k)), CancellationToken.None,
            singleActiveConsumer: true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
