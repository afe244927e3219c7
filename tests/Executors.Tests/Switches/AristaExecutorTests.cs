using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Switches;
using AutoRespond.Executors.Tests.Firewalls;
using AutoRespond.Simulators.Common;

namespace AutoRespond.Executors.Tests.Switches;

/// <summary>switch-quarantine on Arista EOS (eAPI runCmds): the real Refit client against the simulator.</summary>
public sealed class AristaExecutorTests
{
    private const string Ip = "198.18.6.20";
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-admin:sim-switch-password"));

    private static Task<NetworkHarness> StartAsync(SimulatorCredentials? credentials = null) =>
        NetworkHarness.StartAsync(url => new IntegrationsConfig { Arista = new SwitchConfig(url, "SW_USER", "SW_PASS", "BLOCK-IN") },
            executorCredentials: credentials);

    private static string RunCmds(string id, params string[] cmds) =>
        $$"""{"jsonrpc":"2.0","method":"runCmds","params":{"version":1,"cmds":[{{string.Join(",", cmds.Select(c => $"\"{c}\""))}}],"format":"json"},"id":"{{id}}"}""";

    [Fact]
    public async Task ApplyAsync_NewDevice_RunsAclCommandsOverJsonRpc()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        const string id = "act-00000000a1a1";
        long seq = AclSequences.Preferred(id);

        var outcome = await h.Executor("arista").ApplyAsync(NetworkHarness.Action(id, ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(4)), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var requests = h.Requests("arista");
        requests.Select(r => $"{r.Method} {r.Path} {r.Status}").ShouldBe(["POST /command-api 200", "POST /command-api 200", "POST /command-api 200"]);
        foreach (var r in requests)
        {
            r.Header("Authorization").ShouldBe(Basic);
            r.Header("Content-Type")!.ShouldStartWith("application/json-rpc");
        }
        requests[0].Body.ShouldBe(RunCmds(id, "enable", "show ip access-lists BLOCK-IN"));
        requests[1].Body.ShouldBe(RunCmds(id, "enable", "configure", "ip access-list BLOCK-IN", $"no {seq}", $"{seq} deny ip host {Ip} any",
            "1000000 permit ip any any", "exit"));
        (await h.StateAsync("/_sim/arista/acls/BLOCK-IN")).ShouldBe([$"{seq} deny ip host {Ip} any", "1000000 permit ip any any"]);
    }

    [Fact]
    public async Task RevertAsync_Quarantined_RemovesTheEntryBySequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-00000000a1a2", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(4));
        var other = NetworkHarness.Action("act-00000000a1a3", ActionKinds.SwitchQuarantine, "198.18.6.21", TimeSpan.FromHours(4));
        (await h.Executor("arista").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        (await h.Executor("arista").ApplyAsync(other, ct)).Applied.ShouldBeTrue();
        h.Sim.Journal.Clear();

        var outcome = await h.Revertible("arista").RevertAsync(NetworkHarness.Revert(action, "expired"), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        h.Requests("arista")[1].Body.ShouldBe(RunCmds(action.ActionId, "enable", "configure", "ip access-list BLOCK-IN",
            $"no {AclSequences.Preferred(action.ActionId)}", "exit"));
        (await h.StateAsync("/_sim/arista/acls/BLOCK-IN")).ShouldBe([$"{AclSequences.Preferred(other.ActionId)} deny ip host 198.18.6.21 any", "1000000 permit ip any any"]);
    }

    [Fact]
    public async Task ApplyAsync_Redelivered_AlreadyInPlaceAndOneEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-00000000a1a4", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(4));

        (await h.Executor("arista").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        var again = await h.Executor("arista").ApplyAsync(action, ct);

        again.Detail.ShouldBe($"already in place: {Ip} is in ACL BLOCK-IN");
        h.Requests("arista").Count(r => r.Body.Contains("configure", StringComparison.Ordinal)).ShouldBe(1);
        (await h.StateAsync("/_sim/arista/acls/BLOCK-IN")).Count(e => e.Contains(Ip, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ApplyAsync_CommandError_FailsWithEosMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        const string error = """{"jsonrpc":"2.0","id":"x","error":{"code":1002,"message":"CLI command 2 of 2 'show ip access-lists BLOCK-IN' failed: invalid command","data":[{},{"errors":["Invalid input (at token 1: 'ip')"]}]}}""";
        h.Sim.Faults.Inject("arista", new InjectedFault(200, Body: error));

        var outcome = await h.Executor("arista").ApplyAsync(NetworkHarness.Action("act-00000000a1a5", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("arista apply failed: show ip access-lists BLOCK-IN: eAPI error 1002: CLI command 2 of 2 'show ip access-lists BLOCK-IN' failed: invalid command (Invalid input (at token 1: 'ip'))");
    }

    [Fact]
    public async Task ApplyAsync_WrongPassword_Fails401()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(new SimulatorCredentials { SwitchUser = "intruder", SwitchPassword = "wrong-switch-password-8" });

        var outcome = await h.Executor("arista").ApplyAsync(NetworkHarness.Action("act-00000000a1a6", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("arista apply failed: HTTP 401 Unauthorized");
        h.Logs.Lines.ShouldNotContain(l => l.Contains("wrong-switch-password-8", StringComparison.Ordinal));
    }
}
