using System.Diagnostics;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Host.Bus;
using AutoRespond.Host.Cli;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.TestUtils;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Host.Tests.Live;

/// <summary>
/// <c>tcp-reset</c> in a distributed deployment: the real <c>autorespond sensor --interface</c> process on a real wire
/// (<see cref="LiveHub"/>) and the real RabbitMQ (<c>AR_TEST_RABBITMQ</c>, as scripts/test.sh starts it). The commands go
/// through <see cref="BusActionDispatcher"/> to <c>{prefix}-action-tcp-reset</c>, as the responder's engine sends them.
/// Runs as root with the broker; skipped otherwise.
/// </summary>
public sealed class SensorResetLiveTests
{
    [Fact]
    public async Task Sensor_TcpResetFromTheBus_AppliedResetsBothEnds_RevertAndExpiryRelease()
    {
        if (!LiveHub.CanRun(out string why)) Assert.Skip(why);
        var broker = IntegrationEnvironment.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        string prefix = $"ar-dreset-{Guid.NewGuid():N}"[..20];
        string queue = BusActionDispatcher.QueueName(prefix, ActionKinds.TcpReset);
        using var hub = new LiveHub();
        hub.Create();
        var folder = Directory.CreateTempSubdirectory("autorespond-sensor-reset-");
        string config = Path.Combine(folder.FullName, "sensor.yaml");
        await File.WriteAllTextAsync(config, $$"""
            network:
              internal: [198.18.0.0/15]
            bus: { transport: rabbitmq, uri: "{{broker}}" }
            """, ct);

        var server = hub.Start(hub.NsB, "/usr/bin/python3", "-c", Server);
        (await ReadLineAsync(server, ct)).ShouldBe("LISTEN");
        int health = RoleProcess.FreePort();
        using var sensor = RoleProcess.Start("sensor", prefix, "--interface", hub.Observer, "--config", config, "--sensor-id", "reset-test",
            "--health-listen", $"127.0.0.1:{health}");
        using var bus = BuildBus(broker, prefix);
        try
        {
            // As the responder does at start: the queue exists before the first command, so a command waits for the sensor.
            await QueueTopology.EnsureAsync(broker, [queue], ct, singleActiveConsumer: true);
            await bus.StartAsync(ct);
            var engine = new BusActionDispatcher(bus.Services.GetRequiredService<IClientFactory>(), prefix, TimeSpan.FromSeconds(30));

            // A long-lived connection from A to B, then the engine's command: the sensor answers applied and resets both ends.
            await sensor.WaitForAsync($"sensor: capturing on {hub.Observer}", TimeSpan.FromSeconds(60), ct);
            using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
            {
                // --health-listen of a live sensor: the capture check names the interface it captures on.
                using var response = await probe.GetAsync($"http://127.0.0.1:{health}/health/ready", ct); // 503 while the bus starts
                string ready = await response.Content.ReadAsStringAsync(ct);
                using var body = System.Text.Json.JsonDocument.Parse(ready);
                var capture = body.RootElement.GetProperty("checks").GetProperty("capture");
                capture.GetProperty("status").GetString().ShouldBe("healthy", ready);
                capture.GetProperty("description").GetString().ShouldBe($"capturing on {hub.Observer}");
            }

            var held = await HoldAsync(hub, server, 1, ct);
            var applied = await engine.DispatchAsync(Reset("act-dreset-1", TimeSpan.FromMinutes(10)), ct);
            applied.Applied.ShouldBeTrue($"{applied.Detail}\n{sensor.Log}");
            applied.Detail.ShouldContain($"resetting TCP connections of {LiveHub.AddressA}");
            applied.Detail.ShouldStartWith("sensor@");
            (await ReadLineAsync(held, ct)).ShouldBe("END RESET", sensor.Log);
            (await ReadLineAsync(server, ct)).ShouldBe("END 1 RESET", sensor.Log);

            // A second delivery of the same action is "already in place" (the action id is the rule's name).
            (await engine.DispatchAsync(Reset("act-dreset-1", TimeSpan.FromMinutes(10)), ct)).Detail.ShouldContain("already in place");

            // The engine's revert goes the same way; afterwards a new connection lives.
            var header = new ActionHeader("act-dreset-1", "inc-dreset", ActionKinds.TcpReset, LiveHub.AddressA,
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(10), "test", 0);
            var reverted = await engine.RevertAsync(new RevertAction(header, "analyst released it"), ct);
            reverted.Applied.ShouldBeTrue(reverted.Detail);
            reverted.Detail.ShouldContain($"stopped resetting connections of {LiveHub.AddressA}");
            (await RunClientAsync(hub, server, 2, ct)).ShouldBe(("END DONE", "END 2 EOF"), sensor.Log);

            // A short rule resets while in force, then expires at the sensor: the next connection lives.
            held = await HoldAsync(hub, server, 3, ct);
            (await engine.DispatchAsync(Reset("act-dreset-2", TimeSpan.FromSeconds(4)), ct)).Applied.ShouldBeTrue(sensor.Log);
            (await ReadLineAsync(held, ct)).ShouldBe("END RESET", sensor.Log);
            (await ReadLineAsync(server, ct)).ShouldBe("END 3 RESET", sensor.Log);
            await sensor.WaitForAsync("tcp-reset act-dreset-2: expired at the sensor", TimeSpan.FromSeconds(15), ct);
            (await RunClientAsync(hub, server, 4, ct)).ShouldBe(("END DONE", "END 4 EOF"), sensor.Log);

            await sensor.TerminateAsync(TimeSpan.FromSeconds(30), ct);
            sensor.Process.ExitCode.ShouldBe(ExitCodes.Ok, sensor.Log);
            sensor.Log.ShouldContain("tcp-reset act-dreset-1: released");
            sensor.Log.ShouldMatch($@"sensor: {hub.Observer}: \d+ packets received, \d+ dropped by the kernel, \d+ by the interface; [1-9]\d* RSTs sent");
        }
        finally
        {
            sensor.Dispose();
            await bus.StopAsync(CancellationToken.None);
            await RoleProcess.DeleteQueuesAsync(broker, [queue, $"{prefix}-brain-0"]);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sensor_UnknownInterface_FailsAtStartNamingIt()
    {
        var result = await CliRunner.InProcessAsync("sensor", "--interface", "arnosuch0");
        result.ExitCode.ShouldBe(ExitCodes.Usage, result.Stderr);
        result.Stderr.ShouldContain("cannot capture live: arnosuch0");
    }

    /// <summary>The engine's plan for a reset of A (the responder's <c>PlannedAction</c>, as the ladder makes it).</summary>
    private static PlannedAction Reset(string actionId, TimeSpan duration)
    {
        var now = DateTimeOffset.UtcNow;
        var incident = new IncidentScored("inc-dreset", 1, now, new DeviceRef(LiveHub.AddressA), now, now, 0.9, "lateral-movement",
            [ModelIds.MultipleFailedInternalConnections], [], "test: A scanned B", []);
        return new PlannedAction(actionId, incident, ActionKinds.TcpReset, LiveHub.AddressA, 0, 0.3, duration, now);
    }

    /// <summary>A long-lived connection from A to B, echoing (killed with the hub).</summary>
    private static async Task<Process> HoldAsync(LiveHub hub, Process server, int number, CancellationToken ct)
    {
        var held = hub.Start(hub.NsA, "/usr/bin/python3", "-c", Client(600));
        (await ReadLineAsync(held, ct)).ShouldBe("CONNECTED");
        (await ReadLineAsync(held, ct)).ShouldBe("ECHOING");
        (await ReadLineAsync(server, ct)).ShouldBe($"ACCEPTED {number}");
        return held;
    }

    /// <summary>A short connection from A (2 s of pings): how the client's and the server's ends ended.</summary>
    private static async Task<(string Client, string Server)> RunClientAsync(LiveHub hub, Process server, int number, CancellationToken ct)
    {
        using var client = hub.Start(hub.NsA, "/usr/bin/python3", "-c", Client(20));
        (await ReadLineAsync(client, ct)).ShouldBe("CONNECTED");
        (await ReadLineAsync(server, ct)).ShouldBe($"ACCEPTED {number}");
        string end = await ReadLineAsync(client, ct);
        if (end == "ECHOING") end = await ReadLineAsync(client, ct);
        return (end, await ReadLineAsync(server, ct));
    }

    /// <summary>The test's side of the bus: no consumer, only the request client the engine uses.</summary>
    private static IHost BuildBus(Uri broker, string prefix)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddAutoRespondBus(new BusSettings(BusTransport.RabbitMq, broker) { EndpointPrefix = prefix }, _ => { });
        return builder.Build();
    }

    private static async Task<string> ReadLineAsync(Process process, CancellationToken ct)
    {
        string? line = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(45), ct);
        return line ?? $"(exited {(process.HasExited ? process.ExitCode : -1)}: {await process.StandardError.ReadToEndAsync(ct)})";
    }

    /// <summary>B's server: echoes every connection and prints, numbered, how each ended.</summary>
    private const string Server = """
        import socket, threading
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("198.18.0.2", 7000)); s.listen(16); print("LISTEN", flush=True)
        def echo(c, n):
            try:
                while True:
                    d = c.recv(100)
                    if not d: print("END %d EOF" % n, flush=True); break
                    c.sendall(d)
            except ConnectionResetError: print("END %d RESET" % n, flush=True)
            except Exception as e: print("END %d %s" % (n, type(e).__name__), flush=True)
        n = 0
        while True:
            c, _ = s.accept(); n += 1; print("ACCEPTED %d" % n, flush=True)
            threading.Thread(target=echo, args=(c, n), daemon=True).start()
        """;

    /// <summary>A's client: a line every 100 ms, <paramref name="pings"/> times, then a clean close; prints how it ended.</summary>
    private static string Client(int pings) => $$"""
        import socket, select, time
        c = socket.create_connection(("198.18.0.2", 7000), timeout=5); c.settimeout(None); print("CONNECTED", flush=True)
        try:
            for i in range({{pings}}):
                c.sendall(b"ping %d\n" % i)
                r, _, _ = select.select([c], [], [], 2)
                if not r: print("END TIMEOUT", flush=True); break
                d = c.recv(100)
                if not d: print("END EOF", flush=True); break
                if i == 2: print("ECHOING", flush=True)
                time.sleep(0.1)
            else: c.close(); print("END DONE", flush=True)
        except ConnectionResetError: print("END RESET", flush=True)
        except Exception as e: print("END", type(e).__name__, flush=True)
        """;
}
