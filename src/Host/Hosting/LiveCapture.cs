using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Enforcement;
using AutoRespond.Sensor.Live;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Hosting;

/// <summary>
/// The live interfaces of <c>run --interface NAME</c>: one capture, one <see cref="TcpResetEnforcer"/> and one reading thread
/// (its own <see cref="SensorEngine"/>) per interface, all publishing into one sink. The captures are opened at start-up
/// (<see cref="Open"/>), so a wrong name or missing privilege stops <c>run</c> before it serves.
/// </summary>
public sealed partial class LiveCapture : IDisposable
{
    private readonly List<LiveCaptureSource> _sources;
    private readonly List<Thread> _threads = [];

    private LiveCapture(List<LiveCaptureSource> sources)
    {
        _sources = sources;
        Enforcers = [.. sources.Select(s => new TcpResetEnforcer(s))];
    }

    /// <summary>One enforcer per interface, in the order given (the <c>tcp-reset</c> executor's rule books act on them).</summary>
    public IReadOnlyList<TcpResetEnforcer> Enforcers { get; }

    public IReadOnlyList<string> Interfaces => [.. _sources.Select(s => s.InterfaceName)];

    /// <summary>Opens every interface, or none.</summary>
    /// <exception cref="CaptureException">An interface does not exist or cannot be captured on (privileges).</exception>
    public static LiveCapture Open(IReadOnlyList<string> interfaces)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        var sources = new List<LiveCaptureSource>();
        try
        {
            foreach (string name in interfaces.Distinct(StringComparer.Ordinal))
                sources.Add(new LiveCaptureSource(name, new LiveCaptureOptions { ReadTimeoutMilliseconds = 100 }));
        }
        catch
        {
            foreach (var s in sources) s.Dispose();
            throw;
        }
        return new LiveCapture(sources);
    }

    /// <summary>Starts a reading thread per interface; each runs until <paramref name="stoppingToken"/> is cancelled.</summary>
    public void Start(INetworkEventSink sink, CancellationToken stoppingToken)
    {
        for (int i = 0; i < _sources.Count; i++)
        {
            var sensor = new LiveSensor(_sources[i], new SensorEngine(new SensorOptions(), sink), Enforcers[i]);
            _threads.Add(sensor.Start(stoppingToken));
        }
    }

    /// <summary>Waits for the reading threads to finish (after cancellation): at most the read timeout plus a margin.</summary>
    public void Join(TimeSpan timeout)
    {
        foreach (var thread in _threads) thread.Join(timeout);
    }

    /// <summary>Logs each interface's counters: packets received, dropped by the kernel and by the interface, RSTs sent.</summary>
    public void LogStatistics(ILogger logger)
    {
        for (int i = 0; i < _sources.Count; i++)
        {
            var stats = _sources[i].GetStatistics();
            LogStats(logger, _sources[i].InterfaceName, stats.Received, stats.Dropped, stats.InterfaceDropped, Enforcers[i].RstsSent);
        }
    }

    public void Dispose()
    {
        foreach (var s in _sources) s.Dispose();
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information,
        Message = "live {Interface}: {Received} packets received, {Dropped} dropped by the kernel, {InterfaceDropped} by the interface; {Rsts} RSTs sent")]
    private static partial void LogStats(ILogger logger, string @interface, long received, long dropped, long interfaceDropped, long rsts);
}
