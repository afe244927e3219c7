using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Live;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Roles;

/// <summary>
/// Runs the sensor (live interfaces or capture files) on its own thread and sends its batches to the brain partitions'
/// queues. A send that fails (broker restarting) is retried with backoff until it succeeds or the service stops, so a
/// broker outage delays events but loses none. With capture files the service stops the process when everything is sent;
/// live, the <see cref="LiveInterface"/> was opened at start and its enforcer resets what <see cref="SensorResets"/> is told
/// to, and a capture that fails stops the process (so it no longer holds the <c>tcp-reset</c> queue; systemd restarts it).
/// </summary>
public sealed partial class SensorService(SensorRoleOptions options, ISendEndpointProvider send, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<SensorService> log, LiveInterface? live = null) : BackgroundService
{
    private readonly BatchingEventSink _sink = new(options.SensorId, options.Partitions, dropWhenFull: options.Interfaces.Count > 0, time);

    private volatile Thread? _reader;

    /// <summary>The capture has started (<c>--health-listen</c>'s <c>capture</c> check).</summary>
    public bool CaptureStarted => _reader is not null;

    /// <summary>The capture is running: live, the reading thread is alive; replay, not every packet is read yet.</summary>
    public bool Capturing => _reader is { IsAlive: true };

    /// <summary>
    /// Ends the sending before everything is sent: only when the host's shutdown timeout runs out (a stop does not:
    /// the capture stops, the open flows are flushed, and what the sink holds is still sent).
    /// </summary>
    private readonly CancellationTokenSource _abandon = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reader = new Thread(() => Read(stoppingToken)) { IsBackground = true, Name = "sensor-read" };
        _reader.Start();
        long batches = 0, sent = 0;
        bool declared = options.Broker is null;
        var sending = _abandon.Token;
        try
        {
            await foreach (var (partition, batch) in _sink.Batches.ReadAllAsync(sending))
            {
                await SendAsync(partition, batch, sending);
                batches++;
                sent += batch.Events.Count;
                AutoRespondTelemetry.EventsSent.Add(batch.Events.Count);
            }
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            // the shutdown timeout ran out first: what is left is reported below as not sent
        }
        LogDone(log, sent, _sink.Events, batches, _sink.DroppedBatches);
        lifetime.StopApplication(); // everything sent (replay), or the capture ended (stopping, or failed)

        async Task SendAsync(int partition, NetworkEventBatch batch, CancellationToken token)
        {
            var address = QueueTopology.SendAddress(DevicePartitioner.QueueName(options.Prefix, partition));
            using var activity = AutoRespondTelemetry.Source.StartActivity("sensor.send-batch", System.Diagnostics.ActivityKind.Producer);
            activity?.SetTag("autorespond.batch", $"{batch.SensorId}#{batch.Sequence}").SetTag("autorespond.events", batch.Events.Count);
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    if (!declared)
                    {
                        await QueueTopology.EnsureAsync(options.Broker!,
                            Enumerable.Range(0, options.Partitions).Select(p => DevicePartitioner.QueueName(options.Prefix, p)), token);
                        declared = true;
                    }
                    var endpoint = await send.GetSendEndpoint(address);
                    await endpoint.Send(batch, token);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    LogSendRetry(log, batch.SensorId, batch.Sequence, attempt + 1, e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 200 * (1 << Math.Min(attempt, 5)))), time, token);
                }
            }
        }
    }

    /// <summary>Stops, then lets the reading thread finish (it sees the cancellation within the read timeout) and log its counters.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
        _reader?.Join(TimeSpan.FromSeconds(5));
    }

    private void Read(CancellationToken stoppingToken)
    {
        var engine = new SensorEngine(new SensorOptions(), _sink);
        try
        {
            if (options.Captures.Count > 0)
                ReadFiles(engine, stoppingToken);
            else
                ReadLive(engine, stoppingToken);
        }
        catch (Exception e) when (e is CaptureException or IOException)
        {
            LogCaptureError(log, e.Message);
        }
        finally
        {
            _sink.Complete();
        }
    }

    private void ReadFiles(SensorEngine engine, CancellationToken stoppingToken)
    {
        using var reader = MergedCaptureReader.Open(options.Captures);
        LogReplaying(log, options.Captures.Count, options.Speed > 0 ? $"{options.Speed:0.###}x packet time" : "full speed");
        long? firstTicks = null;
        var started = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested && reader.TryReadNext(out var packet))
        {
            if (options.Speed > 0 && (options.PaceFrom is not { } from || packet.TimestampTicks >= from.UtcTicks))
            {
                if (firstTicks is null) started = time.GetTimestamp();
                firstTicks ??= packet.TimestampTicks;
                var due = TimeSpan.FromTicks((long)((packet.TimestampTicks - firstTicks.Value) / options.Speed));
                var wait = due - time.GetElapsedTime(started);
                if (wait > TimeSpan.FromMilliseconds(1)) stoppingToken.WaitHandle.WaitOne(wait);
            }
            engine.Process(packet);
        }
        engine.Complete();
    }

    private void ReadLive(SensorEngine engine, CancellationToken stoppingToken)
    {
        // One interface per sensor process (docs/deployment.md): one engine on one thread, no lock per packet.
        using var owned = live ?? throw new InvalidOperationException("a live sensor needs its interface opened at start");
        LogCapturing(log, owned.Source.InterfaceName);
        new LiveSensor(owned.Source, engine, owned.Enforcer).Run(stoppingToken);
        var stats = owned.Source.GetStatistics();
        LogLiveStats(log, owned.Source.InterfaceName, stats.Received, stats.Dropped, stats.InterfaceDropped, owned.Enforcer.RstsSent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "sensor: send of batch {Stream}#{Sequence} failed (attempt {Attempt}): {Error}; retrying")]
    private static partial void LogSendRetry(ILogger log, string stream, long sequence, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "sensor: {Sent} of {Events} events sent in {Batches} batches ({Dropped} batches dropped)")]
    private static partial void LogDone(ILogger log, long sent, long events, long batches, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "sensor: replaying {Files} capture file(s) at {Pace}")]
    private static partial void LogReplaying(ILogger log, int files, string pace);

    [LoggerMessage(Level = LogLevel.Information, Message = "sensor: capturing on {Interface}")]
    private static partial void LogCapturing(ILogger log, string @interface);

    [LoggerMessage(Level = LogLevel.Error, Message = "sensor: capture error: {Error}")]
    private static partial void LogCaptureError(ILogger log, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "sensor: {Interface}: {Received} packets received, {Dropped} dropped by the kernel, {InterfaceDropped} by the interface; {Rsts} RSTs sent")]
    private static partial void LogLiveStats(ILogger log, string @interface, long received, long dropped, long interfaceDropped, long rsts);
}

/// <summary>What <c>autorespond sensor</c> was asked to do.</summary>
public sealed record SensorRoleOptions(string SensorId, string Prefix, int Partitions, IReadOnlyList<string> Interfaces,
    IReadOnlyList<string> Captures, double Speed, DateTimeOffset? PaceFrom = null, Uri? Broker = null);
