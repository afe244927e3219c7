using System.Diagnostics;
using AutoRespond.Brain;
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

namespace AutoRespond.Host.Replay;

/// <summary>
/// The whole pipeline in one process on packet time: sensor → brain → response engine, driven
/// synchronously packet by packet so that the same capture always gives the same output. The roles are
/// the same classes the bus consumers wrap in <c>run</c> and the distributed roles; only the transport
/// differs (docs/decisions/0004-replay-in-process.md).
/// </summary>
public sealed class ReplayPipeline : INetworkEventSink, IBrainObserver, IResponseObserver
{
    private readonly IReplayOutput _output;
    private readonly BrainEngine _brain;
    private readonly ResponseEngine _engine;
    private readonly Queue<IncidentScored> _incidents = new();
    private readonly HashSet<string> _incidentIds = new(StringComparer.Ordinal);
    private int _breaches, _actions;

    public ReplayPipeline(AutoRespondConfig config, IReplayOutput output, IEnumerable<IActionExecutor>? executors = null)
    {
        _output = output;
        var brainOptions = BrainOptions.From(config) with { IsInsideWindow = WindowTest(config) };
        _brain = new BrainEngine(brainOptions, config.Network, BrainEngine.DefaultModels(), this);
        var index = new ActiveActionIndex();
        _engine = new ResponseEngine(config.Response, new LadderPlanner(config.Response, config.Network),
            ResponseGates.For(config, index), index,
            new InProcessDispatcher(executors ?? []), new InMemoryActionRecorder(), this);
    }

    public long Packets { get; private set; }

    /// <summary>Replays the captures in timestamp order. A <see cref="CaptureException"/> escapes after every complete packet before the fault was processed.</summary>
    public async Task<ReplaySummary> RunAsync(IReadOnlyList<string> captures, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sensor = new SensorEngine(new SensorOptions(), this);
        DateTimeOffset? first = null, last = null;
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
        }
        finally
        {
            sensor.Complete();
            await DrainAsync(cancellationToken);
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
