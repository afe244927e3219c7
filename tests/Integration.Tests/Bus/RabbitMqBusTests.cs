using AutoRespond.Configuration;
using System.Text.Json;
using AutoRespond.Host.Bus;
using AutoRespond.TestUtils;
using MassTransit;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>
/// The bus over a real RabbitMQ (started by scripts/test.sh; URI in AR_TEST_RABBITMQ). Skipped when the
/// variable is unset; FAILS when it is set and the broker is down. Every test uses its own endpoint
/// prefix and deletes its queues and exchanges afterwards, so runs never pile up bound copies.
/// </summary>
public sealed class RabbitMqBusTests
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Publish_IncidentScored_ConsumedFromQuorumQueue()
    {
        var uri = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        var settings = UniqueSettings(uri);
        var queue = $"{settings.EndpointPrefix}-recording-incident";
        using var management = new RabbitMqManagement(uri);
        try
        {
            await using var host = await BusTestHost.StartAsync(settings, new IncidentRecorder(), Consumers, ct);
            host.QueueOf<RecordingIncidentConsumer>().ShouldBe(queue);
            var sent = SampleIncidents.FailedInternalConnections($"inc-rmq-{Guid.NewGuid():N}");

            await PublishAsync(host, sent, ct);

            var received = await host.Recorder.WaitForAsync(sent.Id, ReceiveTimeout, ct);
            received.ShouldMatch(sent);
            var info = (await management.GetQueueAsync(queue, ct)).ShouldNotBeNull($"queue {queue} not found");
            info.GetProperty("type").GetString().ShouldBe("quorum");
            info.GetProperty("durable").GetBoolean().ShouldBeTrue();
        }
        finally
        {
            await management.DeleteEndpointAsync(queue);
        }
    }

    [Fact]
    public async Task Consume_AlwaysFails_RetriedThenMovedToErrorQueue()
    {
        var uri = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        var settings = UniqueSettings(uri);
        var queue = $"{settings.EndpointPrefix}-recording-incident";
        using var management = new RabbitMqManagement(uri);
        try
        {
            var recorder = new IncidentRecorder { FailFirstAttempts = int.MaxValue };
            await using var host = await BusTestHost.StartAsync(settings, recorder, Consumers, ct);
            var sent = SampleIncidents.FailedInternalConnections($"inc-dlq-{Guid.NewGuid():N}");

            await PublishAsync(host, sent, ct);

            var dead = await WaitForMessageAsync(management, queue + "_error", sent.Id, ct);
            recorder.Attempts(sent.Id).ShouldBe(1 + BusServiceCollectionExtensions.RetryIntervals.Count);
            recorder.Received.ShouldBeEmpty();
            var errorQueue = (await management.GetQueueAsync(queue + "_error", ct)).ShouldNotBeNull();
            errorQueue.GetProperty("type").GetString().ShouldBe("quorum");
            dead.GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-Message").GetString()
                .ShouldNotBeNull().ShouldContain("Simulated responder failure");
        }
        finally
        {
            await management.DeleteEndpointAsync(queue);
        }
    }

    private static void Consumers(IBusRegistrationConfigurator x)
    {
        x.AddConsumer<RecordingIncidentConsumer>();
        // Safety net if a run dies before its finally block: idle test queues expire on their own.
        x.AddConfigureEndpointsCallback((_, _, e) =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.QueueExpiration = TimeSpan.FromMinutes(30);
            }
        });
    }

    private static BusSettings UniqueSettings(Uri uri) =>
        new(BusTransport.RabbitMq, uri) { EndpointPrefix = $"autorespond-it-{Guid.NewGuid():N}"[..23] };

    /// <summary>Publishes and waits for the publisher confirm, bounded: a dead broker fails here, never hangs.</summary>
    private static async Task PublishAsync(BusTestHost host, object message, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(PublishTimeout);
        await host.Bus.Publish(message, cts.Token);
    }

    /// <summary>Polls <paramref name="queue"/> until it holds a message whose payload mentions <paramref name="incidentId"/>.</summary>
    private static async Task<JsonElement> WaitForMessageAsync(
        RabbitMqManagement management, string queue, string incidentId, CancellationToken cancellationToken)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < ReceiveTimeout)
        {
            var messages = await management.PeekAsync(queue, 20, cancellationToken);
            var match = messages.FirstOrDefault(m => m.GetProperty("payload").GetString()?.Contains(incidentId, StringComparison.Ordinal) == true);
            if (match.ValueKind != JsonValueKind.Undefined)
            {
                return match;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"No message for '{incidentId}' in {queue} within {ReceiveTimeout.TotalSeconds} s.");
    }
}
