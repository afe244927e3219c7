using System.Text.Json;
using AutoRespond.Simulators;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

/// <summary>
/// How users try the executors: <c>replay</c> with <c>response.mode: autonomous</c> and <c>integrations</c> pointing at the
/// vendor simulators executes the ladder's actions for real against them.
/// </summary>
public sealed class ReplayIntegrationsTests
{
    [Fact]
    public async Task Replay_AutonomousWithSimulators_ActionsReachEveryConfiguredTarget()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sim = await SimulatorHost.StartAsync(cancellationToken: ct);
        string url = sim.BaseUri.ToString().TrimEnd('/');
        string config = CliRunner.TempFile("autonomous.yaml", $$"""
            network:
              internal: [172.31.0.0/16, 198.124.152.0/24]
            learning: { period: 0s }
            response:
              mode: autonomous
              ladder:
                - { min_score: 0.50, actions: [ticket, firewall-block], duration: 1h }
            integrations:
              fortios:    { url: "{{url}}", token_env: FORTIOS_TOKEN }
              servicenow: { url: "{{url}}", username_env: SN_USER, password_env: SN_PASS }
            """);

        var result = await CliRunner.ProcessAsync(sim.Credentials.AsEnvironment(), "replay",
            Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), "--config", config, "--format", "jsonl");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var actions = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("type").GetString() == "action").ToArray();
        actions.Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("state").GetString()))
            .ShouldBe([("ticket", "executed"), ("firewall-block", "executed")], ignoreOrder: true);
        var ban = sim.Journal.For("fortios").Single(r => r.Method == "POST");
        ban.Path.ShouldBe("/api/v2/monitor/user/banned/add_users");
        ban.Header("Authorization").ShouldBe($"Bearer {sim.Credentials.FortiOsToken}");
        using (var body = JsonDocument.Parse(ban.Body))
        {
            body.RootElement.GetProperty("ip_addresses")[0].GetString().ShouldBe("172.31.15.102");
            body.RootElement.GetProperty("expiry").GetInt64().ShouldBeInRange(3590, 3600); // an hour from now, not from 2019
        }
        sim.Journal.For("servicenow").Count(r => r.Method == "POST" && r.Status == 201).ShouldBe(1);
        result.Stderr.ShouldNotContain(sim.Credentials.FortiOsToken);
        result.Stdout.ShouldNotContain(sim.Credentials.ServiceNowPassword);
    }

    [Fact]
    public async Task Replay_AutonomousWithUnsetSecret_ExitsTwoNamingTheVariable()
    {
        string config = CliRunner.TempFile("missing.yaml", """
            response: { mode: autonomous }
            integrations:
              fortios: { url: "http://127.0.0.1:9", token_env: AR_TEST_UNSET_TOKEN }
            """);

        var result = await CliRunner.ProcessAsync("replay", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), "--config", config);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("AR_TEST_UNSET_TOKEN");
        result.Stdout.ShouldBeEmpty();
    }
}
