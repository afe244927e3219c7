using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AutoRespond.Host.Cli;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

/// <summary>
/// <c>--health-listen</c> of the role processes: the real executable, probed over HTTP on loopback as an orchestrator would.
/// </summary>
public sealed class RoleHealthTests
{
    [Fact]
    public async Task Brain_HealthListen_LiveAndReadyWithBusAndConsumerChecks()
    {
        var ready = await ProbeAsync("brain", "bus: { transport: in-memory }\n", expectReady: HttpStatusCode.OK);
        ready.Live.ShouldBe("""{"status":"live"}""");
        Check(ready.Body, "masstransit-bus").GetProperty("status").GetString().ShouldBe("healthy");
        var consumer = Check(ready.Body, "consumer");
        consumer.GetProperty("status").GetString().ShouldBe("healthy");
        (consumer.GetProperty("description").GetString() ?? "").ShouldEndWith("-brain-0: consuming");
    }

    [Fact]
    public async Task Responder_HealthListen_ReadyWithLedgerCheck()
    {
        string db = Path.Combine(Directory.CreateTempSubdirectory("ar-health-").FullName, "ar.db");
        var ready = await ProbeAsync("responder", $"storage: {{ provider: sqlite, path: \"{db}\" }}\n", expectReady: HttpStatusCode.OK);
        Check(ready.Body, "ledger").GetProperty("description").GetString().ShouldBe("ledger storage answers");
        Check(ready.Body, "masstransit-bus").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Responder_Postgres_ReadyWithLedgerCheck()
    {
        string admin = IntegrationEnvironment.RequirePostgres();
        var ct = TestContext.Current.CancellationToken;
        string name = "ar_health_" + Guid.NewGuid().ToString("N");
        await PostgresAsync(admin, $"CREATE DATABASE \"{name}\"", ct);
        try
        {
            string connection = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            var ready = await ProbeAsync("responder", $"storage: {{ provider: postgres, connection: \"{connection}\" }}\n", expectReady: HttpStatusCode.OK);
            Check(ready.Body, "ledger").GetProperty("description").GetString().ShouldBe("ledger storage answers");
        }
        finally
        {
            await PostgresAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", ct);
        }
    }

    [Fact]
    public async Task Brain_BrokerUnreachable_LiveButNotReadyNamingTheBus()
    {
        int closed = RoleProcess.FreePort(); // nothing listens there: the broker is unreachable
        // 503 comes at once (the bus is not started yet); the reason follows when the first connection attempt fails
        var ready = await ProbeAsync("brain", $"bus: {{ transport: rabbitmq, uri: \"amqp://guest:guest@127.0.0.1:{closed}/\" }}\n",
            expectReady: HttpStatusCode.ServiceUnavailable,
            settled: body => (Check(body, "consumer").GetProperty("description").GetString() ?? "").Contains("Broker unreachable", StringComparison.Ordinal));
        ready.Live.ShouldBe("""{"status":"live"}""");
        ready.Body.GetProperty("status").GetString().ShouldBe("unhealthy");
        Check(ready.Body, "masstransit-bus").GetProperty("status").GetString().ShouldBe("unhealthy");
        (Check(ready.Body, "consumer").GetProperty("description").GetString() ?? "").ShouldContain("Broker unreachable");
    }

    [Fact]
    public async Task Sensor_Replaying_ReadyWithCaptureCheck()
    {
        string capture = Path.Combine(Directory.CreateTempSubdirectory("ar-health-").FullName, "udp.pcap");
        WriteCapture(capture);
        var ready = await ProbeAsync("sensor", "bus: { transport: in-memory }\n", HttpStatusCode.OK, ["--replay", capture, "--speed", "1"]);
        var check = Check(ready.Body, "capture");
        check.GetProperty("status").GetString().ShouldBe("healthy");
        check.GetProperty("description").GetString().ShouldBe("replaying");
    }

    [Theory]
    [InlineData("brain", "localhost:9101")]
    [InlineData("responder", "127.0.0.1")]
    [InlineData("sensor", "127.0.0.1:70000")]
    public async Task BadHealthListen_UsageErrorNamingTheOption(string role, string value)
    {
        var result = await CliRunner.InProcessAsync(role, "--health-listen", value);
        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Stderr.ShouldContain($"--health-listen must be ADDRESS:PORT");
        result.Stderr.ShouldContain($"'{value}'");
    }

    private sealed record Probe(string Live, JsonElement Body);

    /// <summary>
    /// Starts the role with <c>--health-listen</c>, waits until <c>/health/ready</c> answers the expected status with a body
    /// that <paramref name="settled"/> accepts (any, by default), stops it with SIGTERM.
    /// </summary>
    private static async Task<Probe> ProbeAsync(string role, string config, HttpStatusCode expectReady, string[]? extra = null,
        Func<JsonElement, bool>? settled = null)
    {
        var ct = TestContext.Current.CancellationToken;
        string file = CliRunner.TempFile($"{role}.yaml", config);
        int port = RoleProcess.FreePort();
        using var process = RoleProcess.Start(role, $"ar-health-{Guid.NewGuid():N}"[..20],
            ["--config", file, "--health-listen", $"127.0.0.1:{port}", .. extra ?? []]);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            string last = "(no answer)";
            while (true)
            {
                process.Process.HasExited.ShouldBeFalse(process.Log);
                try
                {
                    using var response = await client.GetAsync("health/ready", ct);
                    string text = await response.Content.ReadAsStringAsync(ct);
                    last = $"{(int)response.StatusCode} {text}";
                    using var body = JsonDocument.Parse(text);
                    if (response.StatusCode == expectReady && (settled?.Invoke(body.RootElement) ?? true))
                        return new Probe(await client.GetStringAsync("health/live", ct), body.RootElement.Clone());
                }
                catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
                {
                    // not listening yet
                }
                (deadline.Elapsed < TimeSpan.FromSeconds(60)).ShouldBeTrue($"/health/ready never answered {expectReady} as expected; last: {last}\n{process.Log}");
                await Task.Delay(200, ct);
            }
        }
        finally
        {
            if (!process.Process.HasExited)
            {
                try
                {
                    await process.TerminateAsync(TimeSpan.FromSeconds(20), ct);
                }
                catch (TimeoutException)
                {
                    // disposal kills it
                }
            }
        }
    }

    /// <summary>One UDP packet every half second for 30 s of packet time: a replay at <c>--speed 1</c> still runs while probed.</summary>
    private static void WriteCapture(string path)
    {
        using var writer = PcapWriter.Create(path);
        var buffer = new byte[256];
        long t0 = DateTimeOffset.UtcNow.UtcTicks;
        var ether = new EthernetSpec(MacAddress.Parse("02:00:00:00:01:01"), MacAddress.Parse("02:00:00:00:00:02"));
        var ip = new IpSpec(IpAddr.FromV4(198, 18, 1, 1), IpAddr.FromV4(198, 18, 0, 2));
        for (int step = 0; step < 60; step++)
        {
            int n = FrameBuilder.Udp(buffer, ether, ip, 40000, 9999, new byte[16]);
            writer.Write(t0 + step * TimeSpan.TicksPerSecond / 2, buffer.AsSpan(0, n));
        }
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").TryGetProperty(name, out var check) ? check : throw new ShouldAssertException($"no check '{name}' in {body}");

    private static async Task PostgresAsync(string connection, string sql, CancellationToken ct)
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(ct);
    }
}
