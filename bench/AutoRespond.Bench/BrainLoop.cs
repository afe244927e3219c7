using System.Diagnostics;
using System.Globalization;
using AutoRespond.Brain;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Bench;

/// <summary>
/// The brain alone: a capture's events are collected first (not timed), then fed to a fresh BrainEngine
/// with every default model, `passes` times over with time shifted forward so baselines keep learning.
/// Reports events/s and the managed heap the baselines hold per device.
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
        GC.Collect();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var brain = new BrainEngine(new BrainOptions { LearningPeriod = TimeSpan.FromHours(24) }, NetworkConfig.Default,
            BrainEngine.DefaultModels(), new NullObserver());
        var clock = Stopwatch.StartNew();
        for (int pass = 0; pass < passes; pass++)
        {
            var shift = span * pass;
            foreach (var e in events) brain.Process(pass == 0 ? e : e with { Time = e.Time + shift });
        }
        double seconds = clock.Elapsed.TotalSeconds;
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(brain);
        long processed = (long)events.Count * passes;
        int devices = Math.Max(1, brain.Devices.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"mode=brain events={processed} seconds={seconds:0.000} events_per_s={processed / seconds:0} devices={devices} "
            + $"heap_bytes_per_device={(heapAfter - heapBefore) / devices} peak_rss_mib={Loops.PeakRssMiB():0.0}");
    }

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
}
