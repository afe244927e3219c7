using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Host.Hosting;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;

namespace AutoRespond.Bench.RstLatency;

/// <summary>
/// <c>bench rst-latency [connections=300] [background_per_s=200] [pause_ms=20]</c> (root): packet → RST on the wire for
/// flagged flows, as a distribution. Builds <see cref="RstTopology"/>, runs the sensor as <c>autorespond run
/// --interface</c> does (<see cref="LiveCapture"/>: capture, enforcer, SensorEngine on the capture thread), opens N
/// long-lived connections (one client address each) with background traffic on them, then flags them one at a
/// time: a <c>tcp-reset</c> command for the client's address (<see cref="ResetRuleBook.Apply"/>, the executor's path),
/// one line sent on that connection, wait until both ends report how the connection ended (2 s at most), release.
/// Every latency is taken from the wire port's capture (<see cref="WireRecorder"/>); see <see cref="RstLatencyReport"/>.
/// </summary>
internal static class RstLatencyMode
{
    public static int Run(string[] args)
    {
        int connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        double backgroundRate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        int pauseMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        if (!RstTopology.CanRun(out string why))
        {
            Console.Error.WriteLine($"rst-latency: {why}");
            return 2;
        }
        string loadAtStart = File.ReadAllText("/proc/loadavg").Trim();
        using var topology = new RstTopology();
        Console.CancelKeyPress += (_, _) => topology.Dispose();
        topology.Create(connections);

        using var recorder = new WireRecorder(topology.Wire);
        using var live = LiveCapture.Open([topology.Sensor]);
        var enforcer = live.Enforcers[0];
        var triggers = new ConcurrentQueue<(ResetTrigger Trigger, long SentTicks)>();
        enforcer.OnReset = (_, trigger) => triggers.Enqueue((trigger, TimeProvider.System.GetUtcNow().UtcTicks));
        var book = new ResetRuleBook(enforcer, new NoOutcomes(), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var sink = new CountingSink();
        live.Start(sink, stop.Token);

        var ends = new ConcurrentDictionary<string, (string What, long UnixNs)>(StringComparer.Ordinal);
        var changed = new SemaphoreSlim(0); // not disposed: the endpoint pumps may still release it after the run
        using var server = RstTopology.Start(topology.NsB, "/usr/bin/python3", "-c", RstEndpoints.Server, RstTopology.Server,
            RstTopology.Port.ToString(CultureInfo.InvariantCulture));
        Process? client = null;
        var clock = Stopwatch.StartNew();
        try
        {
            Expect(server, "LISTEN");
            client = RstTopology.Start(topology.NsA, "/usr/bin/python3", "-c", RstEndpoints.Client,
                connections.ToString(CultureInfo.InvariantCulture), RstTopology.Server, RstTopology.Port.ToString(CultureInfo.InvariantCulture),
                backgroundRate.ToString(CultureInfo.InvariantCulture));
            Expect(client, "READY");
            Console.Error.WriteLine($"rst-latency: {connections} connections open in {clock.Elapsed.TotalSeconds:0.0} s");
            _ = Pump(server, "s:", ends, changed);
            _ = Pump(client, "c:", ends, changed);
            Thread.Sleep(1000); // background traffic only: the sensor has seen every flow

            for (int i = 0; i < connections; i++)
            {
                string device = RstTopology.Client(i);
                var header = new ActionHeader($"rst-{i}", $"inc-{i}", ActionKinds.TcpReset, device, TimeProvider.System.GetUtcNow(),
                    TimeProvider.System.GetUtcNow().AddMinutes(5), "rst-latency bench", 1);
                book.Apply(new ResetConnections(header, device, RstTopology.Server));
                client.StandardInput.Write($"poke {i}\n");
                client.StandardInput.Flush();
                var deadline = Stopwatch.StartNew();
                while (!(ends.ContainsKey($"c:{i}") && ends.ContainsKey($"s:{device}")) && deadline.ElapsedMilliseconds < 2000)
                    changed.Wait(50);
                book.Release(new RevertAction(header, "measured"));
                if (i % 50 == 49) Console.Error.WriteLine($"rst-latency: {i + 1} flagged, {clock.Elapsed.TotalSeconds:0.0} s");
                if (pauseMs > 0) Thread.Sleep(pauseMs);
            }
            Thread.Sleep(200); // the last RSTs and follow-ups reach the wire port
        }
        finally
        {
            foreach (var p in new[] { client, server }) if (p is { HasExited: false }) p.Kill(entireProcessTree: true);
            client?.Dispose();
            stop.Cancel();
            live.Join(TimeSpan.FromSeconds(5));
        }
        var (segments, wireDropped) = recorder.Stop();
        var report = new RstLatencyReport(connections, segments, [.. triggers], ends, MacOf(topology.Sensor));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# machine: {Environment.ProcessorCount} cores; load at start {loadAtStart}; at end {File.ReadAllText("/proc/loadavg").Trim()}; "
            + $"{connections} connections, background {backgroundRate}/s, pause {pauseMs} ms, {clock.Elapsed.TotalSeconds:0.0} s; "
            + $"wire segments {segments.Count}, wire drops {wireDropped}, sensor events {sink.Events}, RSTs sent {enforcer.RstsSent}"));
        foreach (string line in report.Lines()) Console.WriteLine(line);
        return 0;
    }

    /// <summary>The interface's MAC: the Ethernet source of every RST the sensor sends (never an endpoint's).</summary>
    private static MacAddress MacOf(string interfaceName) =>
        MacAddress.Read(Convert.FromHexString(File.ReadAllText($"/sys/class/net/{interfaceName}/address").Trim().Replace(":", "", StringComparison.Ordinal)));

    private static void Expect(Process process, string line)
    {
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(TimeSpan.FromSeconds(120)) || read.Result != line)
            throw new InvalidOperationException($"expected {line}, got '{(read.IsCompleted ? read.Result : "(nothing in 120 s)")}': "
                + (process.HasExited ? process.StandardError.ReadToEnd() : ""));
    }

    /// <summary>Collects "WHAT key time_ns" lines of one endpoint under "prefix key".</summary>
    private static async Task Pump(Process process, string prefix, ConcurrentDictionary<string, (string, long)> ends, SemaphoreSlim changed)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            string[] parts = line.Split(' ');
            if (parts.Length != 3) continue;
            ends.TryAdd(prefix + parts[1], (parts[0], long.Parse(parts[2], CultureInfo.InvariantCulture)));
            changed.Release();
        }
    }

    private sealed class CountingSink : INetworkEventSink
    {
        public long Events;

        public void Publish(NetworkEvent networkEvent) => Interlocked.Increment(ref Events);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }

    private sealed class NoOutcomes : IActionOutcomeSink
    {
        public void Applied(ActionApplied outcome) { }
        public void AlreadyInPlace(ActionAlreadyInPlace outcome) { }
        public void Failed(ActionFailed outcome) => throw new InvalidOperationException(outcome.Error);
        public void Reverted(ActionReverted outcome) { }
        public void Expired(ActionExpired outcome) { }
    }
}
