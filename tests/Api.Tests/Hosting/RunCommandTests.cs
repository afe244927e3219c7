using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AutoRespond.Host.Cli;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Api.Tests.Hosting;

/// <summary><c>autorespond run</c> from the command line.</summary>
public sealed partial class RunCommandTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("api")]
    public async Task Help_RunAndApi_PrintUsage(string command)
    {
        var (code, stdout, _) = await InProcessAsync(command, "--help");
        code.ShouldBe(ExitCodes.Ok);
        stdout.ShouldContain("Usage:");
        stdout.ShouldContain("--config");
    }

    [Fact]
    public async Task Run_BadConfig_ExitsWithUsageErrorAndServesNothing()
    {
        string config = Path.Combine(Directory.CreateTempSubdirectory("autorespond-badconfig-").FullName, "bad.yaml");
        await File.WriteAllTextAsync(config, "api: { listen: ftp://nowhere, colour: red }\n", TestContext.Current.CancellationToken);
        var (code, _, stderr) = await InProcessAsync("run", "--config", config);
        code.ShouldBe(ExitCodes.Usage);
        stderr.ShouldContain("bad.yaml:1:");
    }

    [Fact]
    public async Task Run_UnknownInterface_ExitsWithUsageErrorNamingIt()
    {
        var (code, _, stderr) = await InProcessAsync("run", "--interface", "arNoSuchIf0");
        code.ShouldBe(ExitCodes.Usage);
        stderr.ShouldContain("arNoSuchIf0");
        stderr.ShouldNotContain("listening on");
    }

    [Fact]
    public async Task Run_MissingReplayCapture_ExitsWithUnreadableCapture()
    {
        var (code, _, stderr) = await InProcessAsync("run", "--replay", "/nonexistent/capture.pcap");
        code.ShouldBe(ExitCodes.UnreadableCapture);
        stderr.ShouldContain("capture.pcap");
    }

    [Theory]
    [InlineData("-INT")]
    [InlineData("-TERM")]
    public async Task Run_ReplayAsProcess_ServesIncidentsUntilSignalled(string signal)
    {
        var folder = Directory.CreateTempSubdirectory("autorespond-run-");
        string capture = Path.Combine(folder.FullName, "ics.pcap");
        var scenario = ScenarioCatalog.Get("ics-sabotage");
        scenario.Write(capture, new SimulationOptions(SimulationOptions.DefaultSeed));
        string config = Path.Combine(folder.FullName, "run.yaml");
        await File.WriteAllTextAsync(config, scenario.Config + $$"""

            storage: { provider: sqlite, path: "{{Path.Combine(folder.FullName, "ar.db")}}" }
            api:
              listen: http://127.0.0.1:0
              keys: [ { name: mdr, key_env: RUN_TEST_ADMIN_KEY, role: admin } ]
            """, TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { HostDll(), "run", "--config", config, "--replay", capture })
            start.ArgumentList.Add(arg);
        start.Environment["RUN_TEST_ADMIN_KEY"] = "run-test-key-123456";
        using var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>();
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        };
        process.BeginErrorReadLine();
        try
        {
            string url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            using var client = new HttpClient { BaseAddress = new Uri(url + "/") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "run-test-key-123456");
            await Http.EventuallyAsync(async () =>
                (await client.SendAsync("GET", "health/ready")).Text.Contains("\"replayed ", StringComparison.Ordinal), "the replay to finish");
            var incidents = (await client.SendAsync("GET", "api/v1/incidents")).Body;
            incidents.EnumerateArray().ShouldContain(i => i.GetProperty("device").GetProperty("ip").GetString() == "10.10.0.66");
            (await client.SendAsync("GET", "api/v1/actions?state=dry-run")).Body.GetArrayLength().ShouldBeGreaterThan(0);
            (await client.SendAsync("GET", "api/v1/devices/10.20.0.21")).Body.GetProperty("device").GetProperty("zone").GetString().ShouldBe("Industrial");

            using (var interrupt = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(ExitCodes.Ok, stderr.ToString());
            stderr.ToString().ShouldNotContain("run-test-key-123456");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The program as built in src/Host (same configuration as this test): this test project's own output lacks the
    /// Microsoft.Extensions.Hosting files autorespond.deps.json names, since the test takes them from the ASP.NET Core framework.
    /// </summary>
    private static string HostDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = bin.Parent!.Name;
        return Path.Combine(AutoRespond.TestUtils.Captures.RepositoryRoot(), "src", "Host", "bin", configuration, bin.Name, "autorespond.dll");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    private static async Task<(int Code, string Stdout, string Stderr)> InProcessAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await AutoRespondCli.RunAsync(args, new CliConsole(stdout, stderr), TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
