using System.Collections.Concurrent;
using System.Diagnostics;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;
using AutoRespond.Sensor.Live;

namespace AutoRespond.Sensor.Tests.Live;

/// <summary>
/// Live capture and TCP reset on a real wire: libpcap on a veth port of a hub joining two network
/// namespaces (see <see cref="HubTopology"/>). Runs as root (CI does); skipped otherwise.
/// </summary>
public sealed class TcpResetLiveTests
{
    [Fact]
    public async Task Reset_LongLivedConnection_BothEndsTornDown()
    {
        if (!HubTopology.CanRun(out string why)) Assert.Skip(why);
        var ct = TestContext.Current.CancellationToken;
        using var hub = new HubTopology();
        hub.Create();

        using var capture = new LiveCaptureSource(hub.Observer, new LiveCaptureOptions { Filter = "tcp or arp", ReadTimeoutMilliseconds = 20 });
        var events = new ConcurrentQueue<NetworkEvent>();
        var engine = new SensorEngine(new SensorOptions(), new Sink(events));
        var enforcer = new TcpResetEnforcer(capture);
        var firstReset = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        long resetsAt = 0;
        var triggerToRst = new ConcurrentQueue<double>();
        enforcer.OnReset = (_, trigger) =>
        {
            // Packet timestamp (libpcap, wall clock) → the pair has just been handed to pcap_sendpacket.
            triggerToRst.Enqueue((TimeProvider.System.GetUtcNow().UtcTicks - trigger.TimestampTicks) / (double)TimeSpan.TicksPerMillisecond);
            firstReset.TrySetResult(Stopwatch.GetTimestamp());
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sensorThread = new LiveSensor(capture, engine, enforcer).Start(stop.Token);

        using var server = hub.Start(hub.NsB, "/usr/bin/python3", "-c", TcpEndpoints.Server);
        (await ReadLineAsync(server, ct)).ShouldBe("LISTEN");
        using var client = hub.Start(hub.NsA, "/usr/bin/python3", "-c", TcpEndpoints.Client);
        try
        {
            (await ReadLineAsync(client, ct)).ShouldBe("CONNECTED");
            (await ReadLineAsync(client, ct)).ShouldBe("ECHOING");

            // The live capture sees the conversation between the two namespaces.
            events.OfType<DeviceSeen>().Select(d => d.Ip).ShouldContain(HubTopology.AddressA);
            events.OfType<DeviceSeen>().Select(d => d.Ip).ShouldContain(HubTopology.AddressB);
            engine.Stats.FlowsCreated.ShouldBeGreaterThanOrEqualTo(1);

            long commanded = Stopwatch.GetTimestamp();
            long wallCommanded = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
            // The tcp-reset command as the response engine sends it.
            var outcomes = new Outcomes();
            new ResetRuleBook(enforcer, outcomes, TimeProvider.System).Apply(new ResetConnections(
                new ActionHeader("act-live-1", "inc-live", ActionKinds.TcpReset, HubTopology.AddressA, TimeProvider.System.GetUtcNow(),
                    TimeProvider.System.GetUtcNow().AddMinutes(5), "test", 1),
                HubTopology.AddressA, HubTopology.AddressB));
            outcomes.Applied.ShouldBe(["act-live-1"]);

            (await ReadLineAsync(server, ct)).ShouldBe("ACCEPTED");
            string clientEnd = await ReadLineAsync(client, ct);
            string serverEnd = await ReadLineAsync(server, ct);
            resetsAt = await firstReset.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            clientEnd.ShouldStartWith("END RESET");
            serverEnd.ShouldStartWith("END RESET");

            // Recorded, not asserted (timings depend on the machine): see docs/benchmarks.md and `bench rst-latency`.
            double toFirstRst = Stopwatch.GetElapsedTime(commanded, resetsAt).TotalMilliseconds;
            double clientMs = (long.Parse(clientEnd.Split(' ')[2]) - wallCommanded) / 1e6;
            double serverMs = (long.Parse(serverEnd.Split(' ')[2]) - wallCommanded) / 1e6;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"command → first RST pair {toFirstRst:0.0} ms; command → client reset {clientMs:0.0} ms, server reset {serverMs:0.0} ms; "
                + $"RSTs sent {enforcer.RstsSent}; triggering packet → RST pair sent: {string.Join(", ", triggerToRst.Select(t => t.ToString("0.000")))} ms");
        }
        finally
        {
            await stop.CancelAsync();
            sensorThread.Join(TimeSpan.FromSeconds(5));
            foreach (var p in new[] { client, server }) if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Reset_ExpiredRule_LeavesConnectionAlone()
    {
        if (!HubTopology.CanRun(out string why)) Assert.Skip(why);
        var ct = TestContext.Current.CancellationToken;
        using var hub = new HubTopology();
        hub.Create();
        using var capture = new LiveCaptureSource(hub.Observer, new LiveCaptureOptions { Filter = "tcp", ReadTimeoutMilliseconds = 20 });
        var enforcer = new TcpResetEnforcer(capture);
        enforcer.SetRules([new ResetRule("act-expired", IpAddr.Parse(HubTopology.AddressA), null,
            TimeProvider.System.GetUtcNow().AddSeconds(-1).UtcTicks)]);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var thread = new LiveSensor(capture, new SensorEngine(new SensorOptions(), new Sink(new())), enforcer).Start(stop.Token);
        using var server = hub.Start(hub.NsB, "/usr/bin/python3", "-c", TcpEndpoints.Server);
        (await ReadLineAsync(server, ct)).ShouldBe("LISTEN");
        using var client = hub.Start(hub.NsA, "/usr/bin/python3", "-c", TcpEndpoints.Client);
        try
        {
            (await ReadLineAsync(client, ct)).ShouldBe("CONNECTED");
            (await ReadLineAsync(client, ct)).ShouldBe("ECHOING");
            enforcer.RstsSent.ShouldBe(0);
        }
        finally
        {
            await stop.CancelAsync();
            thread.Join(TimeSpan.FromSeconds(5));
            foreach (var p in new[] { client, server }) if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task SensorThread_RealTimeOnlyWhileRulesAreHeld_AndStopsWithoutTraffic()
    {
        if (!HubTopology.CanRun(out string why)) Assert.Skip(why);
        var ct = TestContext.Current.CancellationToken;
        using var hub = new HubTopology();
        hub.Create();
        // No endpoint runs and the filter passes no frame: the reader only ever waits.
        using var capture = new LiveCaptureSource(hub.Observer, new LiveCaptureOptions { Filter = "tcp", ReadTimeoutMilliseconds = 20 });
        var enforcer = new TcpResetEnforcer(capture);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var thread = new LiveSensor(capture, new SensorEngine(new SensorOptions(), new Sink(new())), enforcer).Start(stop.Token);
        try
        {
            int tid = await EventuallyAsync(() => SensorThreadId(hub.Observer), id => id != 0, ct);
            (await EventuallyAsync(() => SchedulingPolicy(tid), p => p == 0, ct)).ShouldBe(0, "SCHED_OTHER without rules");
            enforcer.SetRules([new ResetRule("act-rt", IpAddr.Parse(HubTopology.AddressA), null, DateTimeOffset.MaxValue.UtcTicks)]);
            (await EventuallyAsync(() => SchedulingPolicy(tid), p => p == 1, ct)).ShouldBe(1, "SCHED_FIFO while a rule is held");
            enforcer.SetRules([]);
            (await EventuallyAsync(() => SchedulingPolicy(tid), p => p == 0, ct)).ShouldBe(0, "back to SCHED_OTHER");

            await stop.CancelAsync();
            thread.Join(TimeSpan.FromSeconds(30)).ShouldBeTrue("with no packet at all, the reader still sees the cancellation");
        }
        finally
        {
            await stop.CancelAsync();
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>The OS id of this process's "sensor:IFACE" thread (comm is cut at 15 characters), or 0.</summary>
    private static int SensorThreadId(string iface)
    {
        string comm = $"sensor:{iface}"[..Math.Min(15, 7 + iface.Length)];
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
            if (File.ReadAllText(Path.Combine(task, "comm")).Trim() == comm) return int.Parse(Path.GetFileName(task));
        return 0;
    }

    /// <summary>Field 41 of /proc/self/task/TID/stat: 0 = SCHED_OTHER, 1 = SCHED_FIFO.</summary>
    private static int SchedulingPolicy(int tid)
    {
        string stat = File.ReadAllText($"/proc/self/task/{tid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[41 - 3]);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done, CancellationToken ct)
    {
        var value = read();
        for (int i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(20, ct);
            value = read();
        }
        return value;
    }

    private static async Task<string> ReadLineAsync(Process process, CancellationToken ct)
    {
        string? line = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
        return line ?? $"(exited {(process.HasExited ? process.ExitCode : -1)}: {await process.StandardError.ReadToEndAsync(ct)})";
    }

    private sealed class Sink(ConcurrentQueue<NetworkEvent> events) : INetworkEventSink
    {
        public void Publish(NetworkEvent e) => events.Enqueue(e);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }

    private sealed class Outcomes : IActionOutcomeSink
    {
        public List<string> Applied { get; } = [];
        void IActionOutcomeSink.Applied(ActionApplied outcome) => Applied.Add(outcome.ActionId);
        public void AlreadyInPlace(ActionAlreadyInPlace outcome) { }
        public void Failed(ActionFailed outcome) => throw new InvalidOperationException(outcome.Error);
        public void Reverted(ActionReverted outcome) { }
        public void Expired(ActionExpired outcome) { }
    }
}
