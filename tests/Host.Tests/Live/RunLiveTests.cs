using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoRespond.Contracts;
using AutoRespond.Host.Cli;

namespace AutoRespond.Host.Tests.Live;

/// <summary>
/// <c>autorespond run --interface</c> as a real process on a real wire (see <see cref="LiveHub"/>): live events reach the
/// API, a port scan becomes an incident, the ladder's <c>tcp-reset</c> is executed by the sensor, and A's connections are
/// reset on the wire. Runs as root (CI does); skipped otherwise.
/// </summary>
public sealed partial class RunLiveTests
{
    private const string Key = "run-live-key-1234567";

    [Fact]
    public async Task RunLive_PortScan_TcpResetExecutedAndConnectionsReset()
    {
        if (!LiveHub.CanRun(out string why)) Assert.Skip(why);
        var ct = TestContext.Current.CancellationToken;
        using var hub = new LiveHub();
        hub.Create();
        var folder = Directory.CreateTempSubdirectory("autorespond-run-live-");
        string config = Path.Combine(folder.FullName, "live.yaml");
        await File.WriteAllTextAsync(config, $$"""
            network:
              internal: [198.18.0.0/15]
            learning: { period: 0s }
            response:
              mode: autonomous
              ladder:
                - { min_score: 0.30, actions: [tcp-reset], duration: 10m }
            storage: { provider: sqlite, path: "{{Path.Combine(folder.FullName, "ar.db")}}" }
            api:
              listen: http://127.0.0.1:0
              keys: [ { name: mdr, key_env: RUN_LIVE_KEY, role: admin } ]
            """, ct);

        var server = hub.Start(hub.NsB, "/usr/bin/python3", "-c", LiveEndpoints.Server);
        (await ReadLineAsync(server, ct)).ShouldBe("LISTEN");
        var stderr = new StringBuilder();
        using var run = StartRun(["--interface", hub.Observer, "--config", config], stderr, out var listening);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(await listening.WaitAsync(TimeSpan.FromSeconds(60), ct) + "/") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

            JsonElement? reset = null;
            for (int round = 0; round < 6 && reset is null; round++)
            {
                using (var scan = hub.Start(hub.NsA, "/usr/bin/python3", "-c", LiveEndpoints.Scan(300)))
                    (await ReadLineAsync(scan, ct, TimeSpan.FromSeconds(120))).ShouldBe("SCANNED");
                for (int poll = 0; poll < 20 && reset is null; poll++)
                {
                    await Task.Delay(250, ct);
                    reset = (await GetAsync(client, "api/v1/actions?state=executed", ct)).EnumerateArray()
                        .Where(a => a.GetProperty("kind").GetString() == ActionKinds.TcpReset).Cast<JsonElement?>().FirstOrDefault();
                }
            }
            // Live events reached the API: both hosts are devices the brain knows.
            var devices = (await GetAsync(client, "api/v1/devices", ct)).EnumerateArray().Select(d => d.GetProperty("ip").GetString()).ToList();
            devices.ShouldContain(LiveHub.AddressA, stderr.ToString());
            devices.ShouldContain(LiveHub.AddressB);
            reset.ShouldNotBeNull($"no executed tcp-reset action; incidents: {(await GetAsync(client, "api/v1/incidents", ct)).GetRawText()}\n"
                + $"actions: {(await GetAsync(client, "api/v1/actions", ct)).GetRawText()}");
            reset.Value.GetProperty("target").GetString().ShouldBe(LiveHub.AddressA);

            // A's next connection to B is torn down by the sensor's RSTs.
            using var victim = hub.Start(hub.NsA, "/usr/bin/python3", "-c", LiveEndpoints.Client);
            string end = await ReadUntilEndAsync(victim, ct);
            end.ShouldStartWith("END RESET", Case.Sensitive, stderr.ToString());

            using (var term = Process.Start("kill", ["-TERM", run.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync(ct);
            await run.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            run.ExitCode.ShouldBe(ExitCodes.Ok, stderr.ToString());
            string log;
            lock (stderr) log = stderr.ToString();
            log.ShouldContain($"live {hub.Observer}: ");
            RstsSent().Match(log).Success.ShouldBeTrue(log);
            log.ShouldNotContain(Key);
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
            folder.Delete(recursive: true);
        }
    }

    private static Process StartRun(string[] args, StringBuilder stderr, out Task<string> listening)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "autorespond.dll"), "run", .. args]) start.ArgumentList.Add(arg);
        start.Environment["RUN_LIVE_KEY"] = Key;
        var process = Process.Start(start)!;
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) url.TrySetResult(m.Groups[1].Value);
        };
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException("run exited: " + stderr));
        process.EnableRaisingEvents = true;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        listening = url.Task;
        return process;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        string text = await response.Content.ReadAsStringAsync(ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ReadUntilEndAsync(Process process, CancellationToken ct)
    {
        while (true)
        {
            string line = await ReadLineAsync(process, ct, TimeSpan.FromSeconds(30));
            if (line.StartsWith("END", StringComparison.Ordinal) || line.StartsWith("(exited", StringComparison.Ordinal)) return line;
        }
    }

    private static async Task<string> ReadLineAsync(Process process, CancellationToken ct, TimeSpan? timeout = null)
    {
        string? line = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(15), ct);
        return line ?? $"(exited {(process.HasExited ? process.ExitCode : -1)}: {await process.StandardError.ReadToEndAsync(ct)})";
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"live \S+: \d+ packets received, \d+ dropped by the kernel, \d+ by the interface; [1-9]\d* RSTs sent")]
    private static partial Regex RstsSent();
}
