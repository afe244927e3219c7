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
/// The shifted copies of the events are made before the clock starts, so only the brain is timed. A first run
/// (timed apart as "cold": it includes the JIT) records digests of the breaches, incidents and final baseline
/// snapshot, so that a faster brain can be shown to find the same things; a second run on a fresh engine is the
/// steady-state figure. Reports events/s and the managed heap the baselines hold per device.
/// </summary>
internal static class BrainLoop
{
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

        // Untimed first run: records what the brain found (digests to compare one build's findings with another's)
        // and warms the JIT up, so that the timed run measures the steady state of a long-running brain.
        var coldClock = Stopwatch.StartNew();
        var recorder = new Recorder();
        var check = NewBrain(recorder);
        foreach (var passEvents in shifted)
            foreach (var e in passEvents) check.Process(e);
        double coldSeconds = coldClock.Elapsed.TotalSeconds;
        var json = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        string findings = Digest(string.Join('\n', recorder.Found.Select(f => JsonSerializer.Serialize(f, f.GetType(), json))));
        string state = Digest(JsonSerializer.Serialize(check.Export(), json));
        recorder.Found.Clear();
        check = null;

        GC.Collect();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var brain = NewBrain(new NullObserver());
        var clock = Stopwatch.StartNew();
        foreach (var passEvents in shifted)
            foreach (var e in passEvents) brain.Process(e);
        double seconds = clock.Elapsed.TotalSeconds;
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(brain);
        long processed = (long)shifted[0].Length * passes;
        int devices = Math.Max(1, brain.Devices.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"mode=brain events={processed} seconds={seconds:0.000} events_per_s={processed / seconds:0} "
            + $"cold_events_per_s={processed / coldSeconds:0} devices={devices} "
            + $"heap_bytes_per_device={(heapAfter - heapBefore) / devices} peak_rss_mib={Loops.PeakRssMiB():0.0} "
            + $"breaches={recorder.Breaches} findings_sha={findings} state_sha={state}");
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
