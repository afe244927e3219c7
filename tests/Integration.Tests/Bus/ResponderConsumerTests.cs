using System.Collections.Concurrent;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Responders;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.TestUtils;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// An <see cref="IncidentScored"/> published through the real RabbitMQ reaches the responder's own consumer,
/// which runs the response engine: the decision it records is the proof of receipt.
/// </summary>
public sealed class ResponderConsumerTests
{
    [Fact]
    public async Task Publish_IncidentScored_ResponderConsumerDecidesDryRunTicket()
    {
        var uri = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        var settings = new BusSettings(BusTransport.RabbitMq, uri) { EndpointPrefix = $"autorespond-it-{Guid.NewGuid():N}"[..23] };
        using var management = new RabbitMqManagement(uri);
        var decisions = new DecisionCollector();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IResponseObserver>(decisions);
        builder.Services.AddResponseEngine(AutoRespondConfig.Default);
        builder.Services.AddAutoRespondBus(settings, x => x.AddConsumer<IncidentScoredConsumer, IncidentScoredConsumerDefinition>());
        using var host = builder.Build();
        string queue = host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<IncidentScoredConsumer>();
        try
        {
            using (var start = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                start.CancelAfter(TimeSpan.FromSeconds(30));
                await host.StartAsync(start.Token);
            }
            var incident = SampleIncidents.FailedInternalConnections($"inc-resp-{Guid.NewGuid():N}") with { Score = 0.7 };
            using (var publish = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                publish.CancelAfter(TimeSpan.FromSeconds(10));
                await host.Services.GetRequiredService<IBus>().Publish(incident, publish.Token);
            }

            var decision = await decisions.WaitForAsync(incident.Id, TimeSpan.FromSeconds(30), ct);
            decision.Kind.ShouldBe(ActionKinds.Ticket);
            decision.State.ShouldBe(ActionStates.DryRun);
            decision.Target.ShouldBe(incident.Device.Ip);
            (await management.GetQueueAsync(queue, ct)).ShouldNotBeNull().GetProperty("type").GetString().ShouldBe("quorum");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await management.DeleteEndpointAsync(queue);
        }
    }

    private sealed class DecisionCollector : IResponseObserver
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<ActionDecision>> _byIncident = new();

        public void OnAction(ActionDecision decision) => Slot(decision.IncidentId).TrySetResult(decision);

        public async Task<ActionDecision> WaitForAsync(string incidentId, TimeSpan timeout, CancellationToken ct) =>
            await Slot(incidentId).Task.WaitAsync(timeout, ct);

        private TaskCompletionSource<ActionDecision> Slot(string id) =>
            _byIncident.GetOrAdd(id, _ => new TaskCompletionSource<ActionDecision>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
