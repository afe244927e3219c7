using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors;
using AutoRespond.Executors.Common;
using AutoRespond.Host.Bus;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Simulators;
using AutoRespond.TestUtils;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// The same action command delivered twice on the real RabbitMQ, through the per-kind queue to a worker whose executor
/// talks to the OPNsense simulator: one effect at the firewall, and the second delivery answers "already in place".
/// </summary>
public sealed class ActionRedeliveryTests
{
    [Fact]
    public async Task ApplyAction_DeliveredTwice_OneRuleAtTheTargetAndAlreadyInPlace()
    {
        var uri = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        await using var simulators = await SimulatorHost.StartAsync(cancellationToken: ct);
        var settings = new BusSettings(BusTransport.RabbitMq, uri) { EndpointPrefix = $"autorespond-it-{Guid.NewGuid():N}"[..23] };
        string queue = BusActionDispatcher.QueueName(settings.EndpointPrefix, ActionKinds.FirewallBlock);
        using var management = new RabbitMqManagement(uri);

        var integrations = new IntegrationsConfig
        {
            OpnSense = new OpnSenseConfig(simulators.BaseUri, "OPN_KEY", "OPN_SECRET", OpnSenseConfig.DefaultAlias),
        };
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddExecutors(integrations, new DictionarySecretSource(simulators.Credentials.AsEnvironment()), ExecutorOptions.Fast);
        builder.Services.AddScoped(sp => new ActionCommandConsumer(new InProcessDispatcher(sp.GetServices<IActionExecutor>()), "it-worker"));
        builder.Services.AddAutoRespondBus(settings, x => x.AddConsumer<ActionCommandConsumer>().ExcludeFromConfigureEndpoints(),
            (context, endpoint) => endpoint(queue, e => e.ConfigureConsumer<ActionCommandConsumer>(context)));
        using var host = builder.Build();
        try
        {
            await QueueTopology.EnsureAsync(uri, [queue], ct, singleActiveConsumer: false);
            await host.StartAsync(ct);
            var now = TimeProvider.System.GetUtcNow();
            var incident = SampleIncidents.FailedInternalConnections("inc-redelivery") with { Score = 0.97 };
            var command = new ApplyAction(new ActionHeader("act-redelivered-1", incident.Id, ActionKinds.FirewallBlock, "198.18.7.9", now,
                now.AddMinutes(30), "redelivery test", 1), incident, null, 0, 0.9, TimeSpan.FromMinutes(30));
            var client = host.Services.GetRequiredService<IClientFactory>()
                .CreateRequestClient<ApplyAction>(QueueTopology.SendAddress(queue), RequestTimeout.After(s: 30));

            var first = (await client.GetResponse<ActionOutcome>(command, ct)).Message;
            var second = (await client.GetResponse<ActionOutcome>(command, ct)).Message;

            first.Applied.ShouldBeTrue(first.Detail);
            first.Detail.ShouldContain("blocked 198.18.7.9");
            second.Applied.ShouldBeTrue(second.Detail);
            second.Detail.ShouldContain("already in place");
            simulators.Journal.For("opnsense").Count(r => r.Method == "POST" && r.Path.Contains("/alias_util/add/", StringComparison.Ordinal))
                .ShouldBe(1);
            (await management.GetQueueAsync(queue, ct)).ShouldNotBeNull().GetProperty("type").GetString().ShouldBe("quorum");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await management.DeleteEndpointAsync(queue);
        }
    }
}
