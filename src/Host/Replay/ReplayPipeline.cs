using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Brain;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Output;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Windows;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Replay;

/// <summary>
/// The whole pipeline in one process on packet time: sensor → brain → response engine, driven
/// synchronously packet by packet so that the same capture always gives the same output. The roles are
/// the same classes the bus consumers wrap in <c>run</c> and the distributed roles; only the transport
/// differs (docs/decisions/0004-replay-in-process.md). With an <see cref="IBaselineStore"/> the brain starts from
/// the saved snapshot and saves its own after the last packet read, so a capture replayed in parts gives the
/// breaches of one run.
/// </summary>
public sealed class ReplayPipeline : INetworkEventSink, IBrainObserver, IResponseObserver
{
    /// <summary>The partition the brain snapshot of <c>replay</c> is saved under.</summary>
    public const string BaselinePartition = "default";

    private static readonly JsonSerializerOptions SnapshotJson =
        new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly IReplayOutput _output;
    private readonly IBaselineStore? _baselines;
    private readonly BrainEngine _brain;
    private readonly ResponseEngine _engine;
    private readonly Queue<IncidentScored> _incidents = new();
    private readonly HashSet<string> _incidentIds = new(StringComparer.Ordinal);
    private int _breaches, _actions;

    /// <param name="baselines">Where the brain snapshot is loaded from and saved to; null: the brain starts empty and nothing is saved.</param>
    public ReplayPipeline(AutoRespondConfig config, IReplayOutput output, IEnumerable<IActionExecutor>? executors = null,
        IBaselineStore? baselines = null)
    {
        _output = output;
        _baselines = baselines;
        var brainOptions = BrainOptions.From(config) with { IsInsideWindow = WindowTest(config) };
        _brain = new BrainEngine(brainOptions, config.Network, BrainEngine.DefaultModels(), this);
        var index = new ActiveActionIndex();
        _engine = new ResponseEngine(config.Response, new LadderPlanner(config.Response, config.Network),
            ResponseGates.For(config, index), index,
            new InProcessDispatcher(executors ?? []), new InMemoryActionRecorder(), this);
    }

    public long Packets { get; private set; }

    /// <summary>
    /// Opens the storage of an explicit <c>storage:</c> section and migrates it; null without one (nothing is written).
    /// Resolve <see cref="IBaselineStore"/> from it; dispose it after the run.
    /// </summary>
    public static async Task<ServiceProvider?> OpenStorageAsync(AutoRespondConfig config, CancellationToken cancellationToken)
    {
        if (!config.Storage.IsExplicit) return null;
        var services = new ServiceCollection().AddAutoRespondStorage(Roles.RoleHosting.StorageOptionsFor(config)).BuildServiceProvider();
        try
        {
            await StorageInitializer.MigrateAsync(services, cancellationToken);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Replays the captures in timestamp order. A <see cref="CaptureException"/> escapes after every complete packet
    /// before the fault was processed, and after the brain snapshot of those packets was saved.
    /// </summary>
    public async Task<ReplaySummary> RunAsync(IReadOnlyList<string> captures, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sensor = new SensorEngine(new SensorOptions(), this);
        DateTimeOffset? first = null, last = null;
        var save = false;
        if (_baselines is not null && await _baselines.LoadAsync(BaselinePartition, cancellationToken) is { } stored)
            _brain.Import(JsonSerializer.Deserialize<BrainSnapshot>(stored.Json, SnapshotJson)
                ?? throw new InvalidDataException("the stored brain snapshot is empty"));
        try
        {
            using var reader = MergedCaptureReader.Open(captures);
            while (reader.TryReadNext(out var packet))
            {
                sensor.Process(packet);
                Packets++;
                var time = new DateTimeOffset(packet.TimestampTicks, TimeSpan.Zero);
                first ??= time;
                last = time;
                await DrainAsync(cancellationToken);
                if ((Packets & 0xFFFF) == 0)
                {
                    progress?.Report(Packets);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            save = true;
        }
        catch (CaptureException)
        {
            save = true; // a truncated capture: keep what the packets before the fault taught the brain
            throw;
        }
        finally
        {
            sensor.Complete();
            await DrainAsync(cancellationToken);
            if (save && _baselines is not null && last is { } upTo)
                await _baselines.SaveAsync(BaselinePartition, JsonSerializer.Serialize(_brain.Export(), SnapshotJson), upTo, cancellationToken);
        }
        var summary = new ReplaySummary(Packets, _brain.EventsProcessed, _breaches, _incidentIds.Count, _actions, clock.Elapsed, first, last);
        _output.Complete(summary);
        return summary;
    }

    /// <summary>
    /// The brain keeps traffic inside change windows out of its baselines; it asks the response engine's own
    /// window evaluator (one-off and RRULE windows, time zones), so both agree on what "inside" means.
    /// </summary>
    private static Func<string, DateTimeOffset, bool>? WindowTest(AutoRespondConfig config)
    {
        if (config.Windows.Count == 0) return null;
        var windows = new ChangeWindowEvaluator(config.Windows, config.Network);
        return (ip, time) =>
        {
            string? zone = System.Net.IPAddress.TryParse(ip, out var address) ? config.Network.ZoneOf(address, null)?.Name : null;
            return windows.Covering(new WindowSubject(ip, zone), time).Count > 0;
        };
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        while (_incidents.TryDequeue(out var incident))
            await _engine.HandleAsync(incident, cancellationToken);
    }

    void INetworkEventSink.Publish(NetworkEvent e) => _brain.Process(e);

    void INetworkEventSink.AdvanceTo(DateTimeOffset packetTime) { }

    void IBrainObserver.OnBreach(Breach breach)
    {
        _breaches++;
        _output.OnBreach(breach);
    }

    void IBrainObserver.OnIncident(IncidentScored incident)
    {
        _incidentIds.Add(incident.Id);
        _output.OnIncident(incident);
        _incidents.Enqueue(incident);
    }

    void IResponseObserver.OnAction(ActionDecision decision)
    {
        _actions++;
        _output.OnAction(decision);
    }
}
