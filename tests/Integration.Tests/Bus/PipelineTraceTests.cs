using System.Collections.Concurrent;
using System.Diagnostics;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Host.Roles;
using AutoRespond.Responders;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.TestUtils;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// The distributed path on the in-memory bus — sensor batch → brain → incident → responder → per-kind action queue →
/// executor — is one trace: the executor runs under the trace the sensor's batch started.
/// </summary>
public sealed class PipelineTraceTests
{
    private const string Config = """
        network:
          internal: [172.31.0.0/16, 198.124.152.0/24]
        learning:
          period: 0s
        response:
          mode: autonomous
          ladder:
            - { min_score: 0.50, actions: [ticket] }
        """;

    [Fact]
    public async Task SensorBatch_ThroughBrainAndResponder_ExecutorRunsInTheSameTrace()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = ConfigLoader.LoadText(Config, "trace.yaml");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is AutoRespondTelemetry.Name or TelemetryServiceCollectionExtensions.MassTransitSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var executor = new TraceRecordingExecutor();
        var settings = new BusSettings(BusTransport.InMemory, null) { EndpointPrefix = "trace-" + Guid.NewGuid().ToString("N")[..8] };

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(new BrainWorker(config));
        builder.Services.AddScoped(sp => new NetworkEventBatchConsumer(sp.GetRequiredService<BrainWorker>()));
        builder.Services.AddSingleton<IActionDispatcher>(sp => new BusActionDispatcher(sp.GetRequiredService<IClientFactory>(), settings.EndpointPrefix, TimeSpan.FromSeconds(20)));
        builder.Services.AddResponseEngine(config);
        builder.Services.AddScoped(_ => new ActionCommandConsumer(new InProcessDispatcher([executor]), "test-worker"));
        builder.Services.AddAutoRespondBus(settings, x =>
        {
            x.AddConsumer<NetworkEventBatchConsumer>().ExcludeFromConfigureEndpoints();
            x.AddConsumer<IncidentScoredConsumer, IncidentScoredConsumerDefinition>();
            x.AddConsumer<ActionCommandConsumer>().ExcludeFromConfigureEndpoints();
        }, (context, endpoint) =>
        {
            endpoint(DevicePartitioner.QueueName(settings.EndpointPrefix, 0), e => e.ConfigureConsumer<NetworkEventBatchConsumer>(context));
            endpoint(BusActionDispatcher.QueueName(settings.EndpointPrefix, ActionKinds.Ticket), e => e.ConfigureConsumer<ActionCommandConsumer>(context));
        });
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var batch = new NetworkEventBatch("sensor-test/0", 1, SensorEvents(Captures.Path("scans-failures/masscan-tcp-0-1000.pcap")));
            ActivityTraceId trace;
            using (var root = AutoRespondTelemetry.Source.StartActivity("sensor.send-batch", ActivityKind.Producer)!)
            {
                trace = root.TraceId;
                var send = await host.Services.GetRequiredService<ISendEndpointProvider>()
                    .GetSendEndpoint(QueueTopology.SendAddress(DevicePartitioner.QueueName(settings.EndpointPrefix, 0)));
                await send.Send(batch, ct);
            }

            var applied = await executor.Applied.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            applied.ShouldBe(trace);
            string[] expected = ["brain.learn-batch", "responder.decide", "action.apply"];
            await WaitForAsync(() => expected.All(name => stopped.Any(a => a.TraceId == trace && a.OperationName == name)), ct);
            var spans = stopped.Where(a => a.TraceId == trace).Select(a => a.OperationName).ToHashSet();
            spans.ShouldContain("brain.learn-batch");
            spans.ShouldContain("responder.decide");
            spans.ShouldContain("action.apply");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IReadOnlyList<NetworkEvent> SensorEvents(string capture)
    {
        var sink = new CollectingSink();
        var sensor = new SensorEngine(new SensorOptions(), sink);
        using (var reader = MergedCaptureReader.Open([capture]))
            while (reader.TryReadNext(out var packet)) sensor.Process(packet);
        sensor.Complete();
        return sink.Events;
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken ct)
    {
        for (int i = 0; i < 600 && !condition(); i++) await Task.Delay(50, ct); // up to 30 s
    }

    private sealed class CollectingSink : INetworkEventSink
    {
        public List<NetworkEvent> Events { get; } = [];

        public void Publish(NetworkEvent networkEvent) => Events.Add(networkEvent);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }

    private sealed class TraceRecordingExecutor : IActionExecutor
    {
        public TaskCompletionSource<ActivityTraceId> Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => ActionKinds.Ticket;

        public string Name => "trace-recorder";

        public ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
        {
            Applied.TrySetResult(Activity.Current?.TraceId ?? default);
            return ValueTask.FromResult(new DispatchOutcome(true, "recorded"));
        }
    }
}
