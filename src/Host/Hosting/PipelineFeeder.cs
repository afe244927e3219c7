using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Api.Devices;
using AutoRespond.Brain;
using AutoRespond.Brain.Ai;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Windows;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Hosting;

/// <summary>
/// The pipeline of <c>run</c>: sensor → brain → storage and response engine, with the host's engine (ledger, policy and
/// window reloads, confirmations) so the API and console see every incident, breach and action. Captures
/// (<c>--replay</c>) go first, on packet time, one packet at a time (as <c>replay</c>); then the live interfaces
/// (<c>--interface</c>), on the wall clock, each read on its own thread. Every event goes through one lock into the
/// pattern of life, the shadow-AI inventory and the brain (which is not thread safe); incidents are handed to the engine
/// from this service's loop. The brain starts from the stored snapshot and saves its own, and the pattern of life, when
/// the input ends or the host stops; the device directory is refreshed as it goes.
/// </summary>
internal sealed partial class PipelineFeeder(
    IReadOnlyList<string> captures,
    LiveCapture? live,
    SensorResetExecutor? resets,
    AutoRespondConfig config,
    ResponseEngine engine,
    IIncidentStore incidents,
    IBaselineStore baselines,
    ChangeWindowEvaluator windows,
    InProcessDeviceDirectory directory,
    AiUsageInventory inventory,
    PipelineStatus status,
    TimeProvider time,
    ILogger<PipelineFeeder> logger) : BackgroundService, INetworkEventSink, IBrainObserver
{
    private const long PublishEvery = 1 << 16;
    private static readonly TimeSpan LiveTick = TimeSpan.FromMilliseconds(250);
    private const int DevicesEveryTicks = 8;
    private const int StatisticsEveryTicks = 240;
    private static readonly JsonSerializerOptions SnapshotJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly ConcurrentQueue<IncidentScored> _pending = new();
    private readonly PatternOfLife _pattern = new();
    private readonly Lock _gate = new();
    private BrainEngine? _brain;
    private int _breaches;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (captures.Count == 0 && live is null) return;
        var brain = _brain = new BrainEngine(BrainOptions.From(config) with { IsInsideWindow = InsideWindow }, config.Network,
            BrainEngine.DefaultModels(), this);
        try
        {
            if (await baselines.LoadAsync(SnapshotDeviceDirectory.BrainPartition, stoppingToken) is { } stored
                && JsonSerializer.Deserialize<BrainSnapshot>(stored.Json, SnapshotJson) is { } snapshot)
            {
                brain.Import(snapshot);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.Failed($"cannot load the brain snapshot: {e.GetBaseException().Message}");
            LogFailed(logger, 0, e.GetBaseException().Message);
            return;
        }
        if (captures.Count > 0 && !await ReplayAsync(brain, stoppingToken)) return;
        if (live is not null) await LiveAsync(live, brain, stoppingToken);
    }

    private async Task<bool> ReplayAsync(BrainEngine brain, CancellationToken stoppingToken)
    {
        long packets = 0;
        DateTimeOffset? last = null;
        try
        {
            var sensor = new SensorEngine(new SensorOptions(), this);
            using (var reader = MergedCaptureReader.Open(captures))
            {
                while (reader.TryReadNext(out var packet))
                {
                    sensor.Process(packet);
                    last = new DateTimeOffset(packet.TimestampTicks, TimeSpan.Zero);
                    await DrainAsync(stoppingToken);
                    if (++packets % PublishEvery == 0)
                    {
                        status.Replaying(packets);
                        PublishDevices(brain);
                        stoppingToken.ThrowIfCancellationRequested();
                    }
                }
            }
            sensor.Complete();
            await DrainAsync(stoppingToken);
            PublishDevices(brain);
            if (last is { } upTo) await SaveAsync(brain, upTo, stoppingToken);
            status.Done($"replayed {packets} packets, {_breaches} breaches");
            LogReplayed(logger, packets, _breaches, captures.Count);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Done($"stopped after {packets} packets");
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A capture that cannot be read (or a snapshot or database that fails): what came before it stays, and the
            // API keeps serving; /health/ready reports the pipeline unhealthy with the reason.
            PublishDevices(brain);
            status.Failed($"replay failed after {packets} packets: {e.GetBaseException().Message}");
            LogFailed(logger, packets, e.GetBaseException().Message);
            return false;
        }
    }

    private async Task LiveAsync(LiveCapture capture, BrainEngine brain, CancellationToken stoppingToken)
    {
        string names = string.Join(", ", capture.Interfaces);
        capture.Start(this, stoppingToken);
        status.Done($"capturing live on {names}");
        LogLive(logger, names);
        long ticks = 0;
        using var timer = new PeriodicTimer(LiveTick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DrainAsync(stoppingToken);
                if (++ticks % DevicesEveryTicks == 0)
                {
                    PublishDevices(brain);
                    resets?.ExpireDue();
                }
                if (ticks % StatisticsEveryTicks == 0) capture.LogStatistics(logger);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: finish below
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            status.Failed($"live pipeline failed: {e.GetBaseException().Message}");
            LogFailed(logger, 0, e.GetBaseException().Message);
        }
        capture.Join(TimeSpan.FromSeconds(5));
        capture.LogStatistics(logger);
        using var finish = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await DrainAsync(finish.Token);
            PublishDevices(brain);
            await SaveAsync(brain, time.GetUtcNow(), finish.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            LogFailed(logger, 0, $"saving at stop: {e.GetBaseException().Message}");
        }
    }

    private async Task SaveAsync(BrainEngine brain, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        string brainJson, patternJson;
        lock (_gate)
        {
            brainJson = JsonSerializer.Serialize(brain.Export(), SnapshotJson);
            patternJson = JsonSerializer.Serialize(_pattern.Export());
        }
        await baselines.SaveAsync(SnapshotDeviceDirectory.BrainPartition, brainJson, upTo, cancellationToken);
        await baselines.SaveAsync(PatternOfLife.Partition, patternJson, upTo, cancellationToken);
    }

    private bool InsideWindow(string ip, DateTimeOffset at)
    {
        string? zone = System.Net.IPAddress.TryParse(ip, out var address) ? config.Network.ZoneOf(address, null)?.Name : null;
        return windows.Covering(new WindowSubject(ip, zone), at).Count > 0;
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        while (_pending.TryDequeue(out var incident))
        {
            await incidents.UpsertAsync(incident, cancellationToken);
            await engine.HandleAsync(incident, cancellationToken);
        }
    }

    private void PublishDevices(BrainEngine brain)
    {
        DeviceInfo[] devices;
        IReadOnlyDictionary<string, DevicePattern> patterns;
        lock (_gate)
        {
            devices = [.. brain.Devices.All.Select(d => new DeviceInfo(d.Id, d.Ip, d.Mac, d.Hostname, d.Zone?.Name, d.RoleNames(),
                d.FirstSeen, d.LastSeen)).OrderBy(d => d.Ip, StringComparer.Ordinal)];
            patterns = _pattern.Export();
        }
        directory.Publish(devices, patterns);
    }

    void INetworkEventSink.Publish(NetworkEvent e)
    {
        lock (_gate)
        {
            _pattern.Observe(e);
            inventory.Observe(e);
            _brain!.Process(e);
        }
    }

    void INetworkEventSink.AdvanceTo(DateTimeOffset packetTime) { }

    void IBrainObserver.OnBreach(Breach breach) => Interlocked.Increment(ref _breaches);

    void IBrainObserver.OnIncident(IncidentScored incident) => _pending.Enqueue(incident);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Replayed {Packets} packets from {Captures} capture(s): {Breaches} breaches; serving on")]
    private static partial void LogReplayed(ILogger logger, long packets, int breaches, int captures);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Pipeline stopped after {Packets} packets: {Problem}")]
    private static partial void LogFailed(ILogger logger, long packets, string problem);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Capturing live on {Interfaces}")]
    private static partial void LogLive(ILogger logger, string interfaces);
}
