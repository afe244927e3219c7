using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Api.Devices;
using AutoRespond.Brain;
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
/// The pipeline of <c>run</c> fed from captures (<c>--replay</c>): sensor → brain → storage and response engine, on
/// packet time, one packet at a time (as <c>replay</c>), but with the host's engine (ledger, policy and window
/// reloads, confirmations) so the API and console see every incident, breach and action. The brain starts from the
/// stored snapshot and saves its own, and the pattern of life, when the captures are done; the device directory is
/// refreshed as it goes. Afterwards the host keeps serving.
/// </summary>
internal sealed partial class PipelineFeeder(
    IReadOnlyList<string> captures,
    AutoRespondConfig config,
    ResponseEngine engine,
    IIncidentStore incidents,
    IBaselineStore baselines,
    ChangeWindowEvaluator windows,
    InProcessDeviceDirectory directory,
    PipelineStatus status,
    ILogger<PipelineFeeder> logger) : BackgroundService, INetworkEventSink, IBrainObserver
{
    private const long PublishEvery = 1 << 16;
    private static readonly JsonSerializerOptions SnapshotJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly Queue<IncidentScored> _pending = new();
    private readonly PatternOfLife _pattern = new();
    private BrainEngine? _brain;
    private int _breaches;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (captures.Count == 0) return;
        var brain = _brain = new BrainEngine(BrainOptions.From(config) with { IsInsideWindow = InsideWindow }, config.Network,
            BrainEngine.DefaultModels(), this);
        long packets = 0;
        DateTimeOffset? last = null;
        try
        {
            if (await baselines.LoadAsync(SnapshotDeviceDirectory.BrainPartition, stoppingToken) is { } stored
                && JsonSerializer.Deserialize<BrainSnapshot>(stored.Json, SnapshotJson) is { } snapshot)
            {
                brain.Import(snapshot);
            }
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
            if (last is { } upTo)
            {
                await baselines.SaveAsync(SnapshotDeviceDirectory.BrainPartition, JsonSerializer.Serialize(brain.Export(), SnapshotJson), upTo, stoppingToken);
                await baselines.SaveAsync(PatternOfLife.Partition, JsonSerializer.Serialize(_pattern.Export()), upTo, stoppingToken);
            }
            status.Done($"replayed {packets} packets, {_breaches} breaches");
            LogReplayed(logger, packets, _breaches, captures.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Done($"stopped after {packets} packets");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A capture that cannot be read (or a snapshot or database that fails): what came before it stays, and the
            // API keeps serving; /health/ready reports the pipeline unhealthy with the reason.
            PublishDevices(brain);
            status.Failed($"replay failed after {packets} packets: {e.GetBaseException().Message}");
            LogFailed(logger, packets, e.GetBaseException().Message);
        }
    }

    private bool InsideWindow(string ip, DateTimeOffset time)
    {
        string? zone = System.Net.IPAddress.TryParse(ip, out var address) ? config.Network.ZoneOf(address, null)?.Name : null;
        return windows.Covering(new WindowSubject(ip, zone), time).Count > 0;
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        while (_pending.TryDequeue(out var incident))
        {
            await incidents.UpsertAsync(incident, cancellationToken);
            await engine.HandleAsync(incident, cancellationToken);
        }
    }

    private void PublishDevices(BrainEngine brain) =>
        directory.Publish([.. brain.Devices.All.Select(d => new DeviceInfo(d.Id, d.Ip, d.Mac, d.Hostname, d.Zone?.Name, d.RoleNames(),
            d.FirstSeen, d.LastSeen)).OrderBy(d => d.Ip, StringComparer.Ordinal)], _pattern.Export());

    void INetworkEventSink.Publish(NetworkEvent e)
    {
        _pattern.Observe(e);
        _brain!.Process(e);
    }

    void INetworkEventSink.AdvanceTo(DateTimeOffset packetTime) { }

    void IBrainObserver.OnBreach(Breach breach) => _breaches++;

    void IBrainObserver.OnIncident(IncidentScored incident) => _pending.Enqueue(incident);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Replayed {Packets} packets from {Captures} capture(s): {Breaches} breaches; serving on")]
    private static partial void LogReplayed(ILogger logger, long packets, int breaches, int captures);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Replay stopped after {Packets} packets: {Problem}")]
    private static partial void LogFailed(ILogger logger, long packets, string problem);
}
