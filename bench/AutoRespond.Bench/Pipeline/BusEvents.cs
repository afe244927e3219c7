using System.Diagnostics;
using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Host.Roles;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// <c>bus-events BROKER CAPTURE [batches] [learn]</c>: sensor → brain through RabbitMQ. The capture's events (collected
/// first, not timed) are cut into NetworkEventBatch messages of 512 (BatchingEventSink's size), sent by one producer to
/// the brain-0 queue (publisher confirms, up to 64 sends in flight) and consumed as the brain role does (one at a time,
/// prefetch 16): with a consumer that only counts (transport + serialisation), or, with <c>learn</c>, with
/// NetworkEventBatchConsumer learning every event (learning period 24 h: no incident is published).
/// </summary>
internal static class BusEvents
{
    private const int BatchSize = 512;
    private const int InFlight = 64;

    public static async Task<string> RunAsync(Uri broker, string capture, int batches, bool learn)
    {
        if (!File.Exists(capture))
            throw new ArgumentException($"bus-events: no capture at {capture} (bench generate FILE writes one)");
        var events = Collect(capture);
        var config = ConfigLoader.LoadText("learning: { period: 24h }", "bench-bus-events.yaml");
        string prefix = $"bench-ev-{Environment.ProcessId}-{(learn ? "learn" : "count")}";
        string queue = DevicePartitioner.QueueName(prefix, 0);
        var counter = new BatchCounter(batches);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(counter);
        builder.Services.AddSingleton(new BrainWorker(config));
        builder.Services.AddScoped(sp => new NetworkEventBatchConsumer(sp.GetRequiredService<BrainWorker>()));
        builder.Services.AddAutoRespondBus(new BusSettings(BusTransport.RabbitMq, broker) { EndpointPrefix = prefix }, x =>
        {
            if (learn) x.AddConsumer<LearningBatchConsumer>().ExcludeFromConfigureEndpoints();
            else x.AddConsumer<CountingBatchConsumer>().ExcludeFromConfigureEndpoints();
        }, (context, endpoint) => endpoint(queue, e =>
        {
            e.ConcurrentMessageLimit = 1;
            e.PrefetchCount = 16;
            if (learn) e.ConfigureConsumer<LearningBatchConsumer>(context);
            else e.ConfigureConsumer<CountingBatchConsumer>(context);
        }));
        await QueueTopology.EnsureAsync(broker, [queue], CancellationToken.None);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var send = await host.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(QueueTopology.SendAddress(queue));
            int perPass = events.Count / BatchSize;
            var span = events[^1].Time - events[0].Time + TimeSpan.FromHours(1);
            var pending = new Queue<Task>();
            var clock = Stopwatch.StartNew();
            for (int b = 0; b < batches; b++)
            {
                int pass = b / perPass, offset = b % perPass * BatchSize;
                var slice = events.GetRange(offset, BatchSize);
                IReadOnlyList<NetworkEvent> shifted = pass == 0 ? slice : [.. slice.Select(e => e with { Time = e.Time + span * pass })];
                pending.Enqueue(send.Send(new NetworkEventBatch("bench-sensor/0", b + 1, shifted)));
                if (pending.Count >= InFlight) await pending.Dequeue();
            }
            while (pending.Count > 0) await pending.Dequeue();
            double sent = clock.Elapsed.TotalSeconds;
            await counter.Done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            double seconds = clock.Elapsed.TotalSeconds;
            long total = (long)batches * BatchSize;
            return string.Create(CultureInfo.InvariantCulture,
                $"mode=bus-events consumer={(learn ? "brain-learning" : "count-only")} batches={batches} batch_size={BatchSize} events={total} "
                + $"consumed={counter.Events} seconds={seconds:0.000} events_per_s={total / seconds:0} producer_events_per_s={total / sent:0} "
                + $"peak_rss_mib={Loops.PeakRssMiB():0.0}");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static List<NetworkEvent> Collect(string capture)
    {
        var events = new List<NetworkEvent>();
        var sink = new ListSink(events);
        var sensor = new SensorEngine(new SensorOptions(), sink);
        using (var reader = CaptureFileReader.Open(capture))
            while (reader.TryReadNext(out var p)) sensor.Process(p);
        sensor.Complete();
        if (events.Count < BatchSize)
            throw new ArgumentException($"{capture} yields {events.Count} events; at least {BatchSize} are needed");
        return events;
    }

    private sealed class ListSink(List<NetworkEvent> events) : INetworkEventSink
    {
        public void Publish(NetworkEvent networkEvent) => events.Add(networkEvent);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }
}
