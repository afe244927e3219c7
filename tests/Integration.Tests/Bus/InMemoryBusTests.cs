using AutoRespond.Configuration;
using AutoRespond.Host.Bus;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>The same publish → consume path on the in-memory transport (the single-process default). Needs nothing.</summary>
public sealed class InMemoryBusTests
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Publish_IncidentScored_ReachesConsumerIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await BusTestHost.StartAsync(
            BusSettings.InMemory, new IncidentRecorder(), x => x.AddConsumer<RecordingIncidentConsumer>(), ct);
        var sent = SampleIncidents.FailedInternalConnections($"inc-mem-{Guid.NewGuid():N}");

        await host.Bus.Publish(sent, ct);

        var received = await host.Recorder.WaitForAsync(sent.Id, ReceiveTimeout, ct);
        received.ShouldMatch(sent);
        host.QueueOf<RecordingIncidentConsumer>().ShouldBe("autorespond-recording-incident");
    }

    [Fact]
    public async Task Consume_FailsTwice_RetriedInPlaceThenConsumed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await BusTestHost.StartAsync(
            BusSettings.InMemory, new IncidentRecorder { FailFirstAttempts = 2 }, x => x.AddConsumer<RecordingIncidentConsumer>(), ct);
        var sent = SampleIncidents.FailedInternalConnections($"inc-retry-{Guid.NewGuid():N}");

        await host.Bus.Publish(sent, ct);

        var received = await host.Recorder.WaitForAsync(sent.Id, ReceiveTimeout, ct);
        received.Id.ShouldBe(sent.Id);
        host.Recorder.Attempts(sent.Id).ShouldBe(3);
        host.Recorder.Received.Count.ShouldBe(1);
    }
}
