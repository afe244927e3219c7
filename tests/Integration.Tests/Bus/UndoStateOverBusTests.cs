using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors;
using AutoRespond.Executors.Common;
using AutoRespond.Host.Bus;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Simulators;
using AutoRespond.TestUtils;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// quarantine-email over the real RabbitMQ: one worker applies it, stops, and a fresh worker (nothing in memory from the
/// first) reverts it from the undo state the first one's answer carried; the messages are back in the inbox at the Graph
/// simulator.
/// </summary>
public sealed class UndoStateOverBusTests
{
    private const string Alice = "alice@contoso.com";

    [Fact]
    public async Task QuarantineEmail_AppliedByOneWorker_RevertedByAFreshWorkerFromTheUndoState()
    {
        var uri = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        await using var simulators = await SimulatorHost.StartAsync(cancellationToken: ct);
        using var control = new HttpClient { BaseAddress = simulators.BaseUri };
        var settings = new BusSettings(BusTransport.RabbitMq, uri) { EndpointPrefix = $"autorespond-it-{Guid.NewGuid():N}"[..23] };
        string queue = BusActionDispatcher.QueueName(settings.EndpointPrefix, ActionKinds.QuarantineEmail);
        using var management = new RabbitMqManagement(uri);
        var now = TimeProvider.System.GetUtcNow();
        using (var created = await control.PostAsJsonAsync($"_sim/graph/users/{Alice}/messages",
                   new { subject = "Invoice", body = "see https://203.0.113.50/", from = "x@external.example", receivedDateTime = now.AddMinutes(-5), folder = "inbox" }, ct))
            created.EnsureSuccessStatusCode();
        var incident = new IncidentScored("inc-undo", 1, now, new DeviceRef("198.18.7.10"), now.AddMinutes(-10), now, 0.97, "ics-sabotage",
            [ModelIds.SslNoSniNewExternal], [], "beaconing",
            [new Breach("b-1", ModelIds.SslNoSniNewExternal, now.AddMinutes(-10), new DeviceRef("198.18.7.10"), 0.9, "TLS without SNI",
                new Dictionary<string, object> { ["server"] = "203.0.113.50" }, ["203.0.113.50"])]);
        var action = new PlannedAction("act-undo-1", incident, ActionKinds.QuarantineEmail, "198.18.7.10", 0, 0.9, TimeSpan.FromMinutes(30), now, Alice);
        try
        {
            await QueueTopology.EnsureAsync(uri, [queue], ct, singleActiveConsumer: false);
            DispatchOutcome applied;
            using (var first = await StartWorkerAsync(simulators, settings, queue, "worker-1", ct))
            {
                applied = await Dispatcher(first, settings).DispatchAsync(action, ct);
                await first.StopAsync(ct);
            }
            var quarantined = await FoldersAsync(control, ct);

            using var second = await StartWorkerAsync(simulators, settings, queue, "worker-2", ct);
            var header = new ActionHeader(action.ActionId, incident.Id, action.Kind, action.Target, now, now.AddMinutes(30), "expired", 1);
            var reverted = await Dispatcher(second, settings).RevertAsync(new RevertAction(header, "expired", applied.UndoState), ct);
            var withoutState = await Dispatcher(second, settings).RevertAsync(new RevertAction(header, "expired"), ct);
            await second.StopAsync(ct);

            applied.Applied.ShouldBeTrue(applied.Detail);
            applied.UndoState.ShouldNotBeNull();
            quarantined.Values.ShouldHaveSingleItem().ShouldBe("deleteditems");
            reverted.Applied.ShouldBeTrue(reverted.Detail);
            reverted.Detail.ShouldContain("worker-2: graph: moved 1 message(s) of alice@contoso.com back to inbox");
            (await FoldersAsync(control, ct)).Values.ShouldHaveSingleItem().ShouldBe("inbox");
            withoutState.Applied.ShouldBeFalse();
            withoutState.Detail.ShouldContain("no record of the messages act-undo-1 moved");
        }
        finally
        {
            await management.DeleteEndpointAsync(queue);
        }
    }

    private static BusActionDispatcher Dispatcher(IHost worker, BusSettings settings) =>
        new(worker.Services.GetRequiredService<IClientFactory>(), settings.EndpointPrefix, TimeSpan.FromSeconds(60));

    /// <summary>A responder worker process: its own executors (nothing in memory shared) consuming the quarantine-email queue.</summary>
    private static async Task<IHost> StartWorkerAsync(SimulatorHost simulators, BusSettings settings, string queue, string name, CancellationToken ct)
    {
        var integrations = new IntegrationsConfig
        {
            Graph = new GraphConfig(simulators.UrlFor("v1.0"), null, null, null, simulators.BaseUri, "GRAPH_TOKEN"),
            Users = new Dictionary<IPAddress, string>().AsReadOnly(),
        };
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddExecutors(integrations, new DictionarySecretSource(simulators.Credentials.AsEnvironment()), ExecutorOptions.Fast);
        builder.Services.AddScoped(sp => new ActionCommandConsumer(new InProcessDispatcher(sp.GetServices<IActionExecutor>()), name));
        builder.Services.AddAutoRespondBus(settings, x => x.AddConsumer<ActionCommandConsumer>().ExcludeFromConfigureEndpoints(),
            (context, endpoint) => endpoint(queue, e => e.ConfigureConsumer<ActionCommandConsumer>(context)));
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    private static async Task<Dictionary<string, string>> FoldersAsync(HttpClient control, CancellationToken ct) =>
        (JsonNode.Parse(await control.GetStringAsync($"_sim/graph/users/{Alice}", ct))!["messages"]!.AsArray())
            .ToDictionary(m => m!["id"]!.GetValue<string>(), m => m!["folder"]!.GetValue<string>());
}
