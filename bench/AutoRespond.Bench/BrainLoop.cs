using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Brain;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Bench;

/// <summary>
/// The brain alone: a capture's events are collected first (not timed), then fed to a fresh BrainEngine
/// with every default model, `passes` times over with time shifted forward so baselines keep learning.
/// The shifted copies of the events are made before any clock starts, so only the brain is timed.
/// <list type="number">
/// <item>Cold run (timed apart: it includes the JIT): records digests of the breaches and incidents and of the
/// final baseline snapshot, so that a faster brain can be shown to find the same things.</item>
/// <item>Warm-up: more runs on fresh engines, untimed, for at least <see cref="WarmUp"/> and until two runs in a row
/// agree within 10% (tiered compilation reaches its optimised code after seconds; a brain runs for days).</item>
/// <item>Timed: <see cref="TimedRuns"/> runs on fresh engines; events/s of the best and of the median run, and the
/// managed heap the last run's baselines hold per device.</item>
/// </list>
/// </summary>
internal static class BrainLoop
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private const int TimedRuns = 3;

    public static string Run(string file, int passes)
    {
        var events = new List<NetworkEvent>();
        var sensor = new SensorEngine(new SensorOptions(), new Collector(events));
        using (var reader = CaptureFileReader.Open(file))
            while (reader.TryReadNext(out var p)) sensor.Process(p);
        sensor.Complete();

        var span = events[^1].Time - events[0].Time + TimeSpan.FromHours(1);
        var shifted = new NetworkEvent[passes][];
        for (int pass = 0; pass < passes; pass++)
        {
            var shift = span * pass;
            shifted[pass] = pass == 0 ? [.. events] : events.Select(e => e with { Time = e.Time + shift }).ToArray();
        }
        events.Clear();
        long processed = (long)shifted[0].Length * passes;

        var recorder = new Recorder();
        var check = NewBrain(recorder);
        double coldSeconds = Feed(check, shifted);
        var json = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        string findings = Digest(string.Join('\n', recorder.Found.Select(f => JsonSerializer.Serialize(f, f.GetType(), json))));
        string state = Digest(JsonSerializer.Serialize(check.Export(), json));
        recorder.Found.Clear();
        check = null;

        // Warm-up until two consecutive runs agree within 10% (the JIT has settled), after WarmUp, for at most 10 × WarmUp.
        var warmUp = Stopwatch.StartNew();
        int warmUpRuns = 0;
        double last = double.MaxValue, previous;
        do
        {
            previous = last;
            last = Feed(NewBrain(new NullObserver()), shifted);
            warmUpRuns++;
        }
        while (warmUp.Elapsed < WarmUp * 10 && (warmUp.Elapsed < WarmUp || Math.Abs(last - previous) > 0.1 * Math.Min(last, previous)));

        var seconds = new double[TimedRuns];
        long heapBefore = 0, heapAfter = 0;
        int devices = 1;
        for (int run = 0; run < TimedRuns; run++)
        {
            GC.Collect();
            heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var brain = NewBrain(new NullObserver());
            seconds[run] = Feed(brain, shifted);
            heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            devices = Math.Max(1, brain.Devices.Count);
            GC.KeepAlive(brain);
        }
        Array.Sort(seconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"mode=brain events={processed} events_per_s={processed / seconds[0]:0} median_events_per_s={processed / seconds[TimedRuns / 2]:0} "
            + $"cold_events_per_s={processed / coldSeconds:0} warm_up_runs={warmUpRuns} devices={devices} "
            + $"heap_bytes_per_device={(heapAfter - heapBefore) / devices} peak_rss_mib={Loops.PeakRssMiB():0.0} "
            + $"breaches={recorder.Breaches} findings_sha={findings} state_sha={state}");
    }

    private static double Feed(BrainEngine brain, NetworkEvent[][] shifted)
    {
        var clock = Stopwatch.StartNew();
        foreach (var passEvents in shifted)
            foreach (var e in passEvents) brain.Process(e);
        return clock.Elapsed.TotalSeconds;
    }

    private static BrainEngine NewBrain(IBrainObserver observer) =>
        new(new BrainOptions { LearningPeriod = TimeSpan.FromHours(24) }, NetworkConfig.Default, BrainEngine.DefaultModels(), observer);

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private sealed class Collector(List<NetworkEvent> events) : INetworkEventSink
    {
        public void Publish(NetworkEvent e) => events.Add(e);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }

    private sealed class NullObserver : IBrainObserver
    {
        public void OnBreach(Breach breach) { }

        public void OnIncident(IncidentScored incident) { }
    }

    /// <summary>Keeps the breaches and incident revisions (references only; they are serialised after timing).</summary>
    private sealed class Recorder : IBrainObserver
    {
        public List<object> Found { get; } = [];

        public int Breaches { get; private set; }

        public void OnBreach(Breach breach)
        {
            Breaches++;
            Found.Add(breach);
        }

        public void OnIncident(IncidentScored incident) => Found.Add(incident);
    }
}
