using AutoRespond.Contracts;
using AutoRespond.Host.Cli;
using AutoRespond.Simulation.Scenarios;
using AutoRespond.Simulators;

namespace AutoRespond.Api.Tests.Hosting;

/// <summary><c>autorespond run</c> with the configured integrations (executors) and the shadow-AI inventory.</summary>
public sealed class RunResponseTests
{
    private const string Key = "run-response-key-123456";

    [Fact]
    public async Task Run_ReplayAutonomousWithServiceNow_TicketCreatedAtSimulatorAndActionExecuted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorHost.StartAsync(cancellationToken: ct);
        var folder = Directory.CreateTempSubdirectory("autorespond-run-exec-");
        try
        {
            var scenario = ScenarioCatalog.Get("ics-sabotage");
            string capture = Path.Combine(folder.FullName, "ics.pcap");
            scenario.Write(capture, new SimulationOptions(SimulationOptions.DefaultSeed));
            string config = await WriteConfigAsync(folder, scenario.Config.Replace("mode: dry-run", "mode: autonomous", StringComparison.Ordinal)
                + $$"""

                integrations:
                  servicenow: { url: "{{sim.BaseUri.ToString().TrimEnd('/')}}", username_env: SN_USER, password_env: SN_PASS }
                """);
            var env = new Dictionary<string, string>(sim.Credentials.AsEnvironment()) { ["RUN_RESPONSE_KEY"] = Key };
            var (run, client) = await RunProcess.StartAsync(env, Key, "--config", config, "--replay", capture);
            await using (run)
            using (client)
            {
                await Http.EventuallyAsync(async () =>
                    (await client.SendAsync("GET", "health/ready")).Text.Contains("\"replayed ", StringComparison.Ordinal), "the replay to finish");
                await Http.EventuallyAsync(async () =>
                    (await client.SendAsync("GET", "api/v1/actions?state=executed")).Body.EnumerateArray()
                        .Any(a => a.GetProperty("kind").GetString() == ActionKinds.Ticket), "an executed ticket action");
                sim.Journal.For("servicenow").ShouldContain(r => r.Method == "POST" && r.Path.Contains("/table/incident", StringComparison.Ordinal));
                (await run.StopAsync()).ShouldBe(ExitCodes.Ok, run.Stderr);
                run.Stderr.ShouldNotContain(sim.Credentials.ServiceNowPassword);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_IntegrationSecretUnset_ExitsWithUsageErrorNamingTheVariable()
    {
        var folder = Directory.CreateTempSubdirectory("autorespond-run-secret-");
        try
        {
            string config = await WriteConfigAsync(folder, """
                integrations:
                  servicenow: { url: "http://127.0.0.1:9", username_env: AR_TEST_UNSET_SN_USER_7c1, password_env: AR_TEST_UNSET_SN_PASS_7c1 }
                """);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = await AutoRespondCli.RunAsync(["run", "--config", config], new CliConsole(stdout, stderr), TestContext.Current.CancellationToken);
            code.ShouldBe(ExitCodes.Usage);
            stderr.ToString().ShouldContain("AR_TEST_UNSET_SN_PASS_7c1");
            stderr.ToString().ShouldNotContain("listening on");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Run_ReplayShadowAi_AiUsageListsTheServicesSeen()
    {
        var folder = Directory.CreateTempSubdirectory("autorespond-run-ai-");
        try
        {
            var scenario = ScenarioCatalog.Get("shadow-ai");
            string capture = Path.Combine(folder.FullName, "ai.pcap");
            scenario.Write(capture, new SimulationOptions(SimulationOptions.DefaultSeed) { Background = TimeSpan.FromHours(40) });
            string config = await WriteConfigAsync(folder, scenario.Config);
            var (run, client) = await RunProcess.StartAsync(new Dictionary<string, string> { ["RUN_RESPONSE_KEY"] = Key }, Key,
                "--config", config, "--replay", capture);
            await using (run)
            using (client)
            {
                await Http.EventuallyAsync(async () =>
                    (await client.SendAsync("GET", "health/ready")).Text.Contains("\"replayed ", StringComparison.Ordinal), "the replay to finish");
                var usage = (await client.SendAsync("GET", "api/v1/ai-usage")).Body;
                var services = usage.GetProperty("services").EnumerateArray().ToList();
                services.ShouldNotBeEmpty();
                services.ShouldContain(s => s.GetProperty("sanctioned").GetBoolean() == false);
                usage.GetProperty("to").GetString().ShouldNotBeNullOrEmpty();
                (await run.StopAsync()).ShouldBe(ExitCodes.Ok, run.Stderr);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> WriteConfigAsync(DirectoryInfo folder, string body)
    {
        string config = Path.Combine(folder.FullName, "run.yaml");
        await File.WriteAllTextAsync(config, body + $$"""

            storage: { provider: sqlite, path: "{{Path.Combine(folder.FullName, "ar.db")}}" }
            api:
              listen: http://127.0.0.1:0
              keys: [ { name: mdr, key_env: RUN_RESPONSE_KEY, role: admin } ]
            """, TestContext.Current.CancellationToken);
        return config;
    }
}
