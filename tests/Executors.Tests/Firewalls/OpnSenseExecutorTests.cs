using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Simulators.Common;

namespace AutoRespond.Executors.Tests.Firewalls;

/// <summary>firewall-block on OPNsense (alias_util): the real Refit client against the simulator.</summary>
public sealed class OpnSenseExecutorTests
{
    private const string Ip = "198.18.5.9";
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-opnsense-key:sim-opnsense-secret"));

    private static Task<NetworkHarness> StartAsync(string alias = "autorespond_block", SimulatorCredentials? credentials = null) =>
        NetworkHarness.StartAsync(url => new IntegrationsConfig { OpnSense = new OpnSenseConfig(url, "OPN_KEY", "OPN_SECRET", alias) },
            executorCredentials: credentials);

    [Fact]
    public async Task ApplyAsync_NewAddress_PostsAliasAddWithBasicAuth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();

        var outcome = await h.Executor("opnsense").ApplyAsync(NetworkHarness.Action("act-0000000000b1", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldStartWith($"blocked {Ip} in alias autorespond_block");
        var requests = h.Requests("opnsense");
        requests.Select(r => $"{r.Method} {r.Path} {r.Status}").ShouldBe([
            "GET /api/firewall/alias_util/list/autorespond_block 200",
            "POST /api/firewall/alias_util/add/autorespond_block 200",
            "GET /api/firewall/alias_util/list/autorespond_block 200",
        ]);
        requests[1].Header("Authorization").ShouldBe(Basic);
        requests[1].Header("Content-Type")!.ShouldStartWith("application/json");
        requests[1].Body.ShouldBe($$"""{"address":"{{Ip}}"}""");
        (await h.StateAsync("/_sim/opnsense/aliases/autorespond_block")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task RevertAsync_InAlias_PostsAliasDelete()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000b2", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));
        (await h.Executor("opnsense").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        h.Sim.Journal.Clear();

        var outcome = await h.Revertible("opnsense").RevertAsync(NetworkHarness.Revert(action, "expired"), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var delete = h.Requests("opnsense").Single(r => r.Method == "POST");
        delete.Path.ShouldBe("/api/firewall/alias_util/delete/autorespond_block");
        delete.Header("Authorization").ShouldBe(Basic);
        delete.Body.ShouldBe($$"""{"address":"{{Ip}}"}""");
        (await h.StateAsync("/_sim/opnsense/aliases/autorespond_block")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_Redelivered_AlreadyInPlaceAndOneEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000b3", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));

        (await h.Executor("opnsense").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        var again = await h.Executor("opnsense").ApplyAsync(action, ct);

        again.Detail.ShouldBe($"already in place: {Ip} is in alias autorespond_block");
        h.Requests("opnsense").Count(r => r.Method == "POST").ShouldBe(1);
        (await h.StateAsync("/_sim/opnsense/aliases/autorespond_block")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task ApplyAsync_AliasDoesNotExist_FailsWithOpnSenseReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(alias: "no_such_alias");

        var outcome = await h.Executor("opnsense").ApplyAsync(NetworkHarness.Action("act-0000000000b4", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe($"opnsense refused to block {Ip}: status failed (non existing alias no_such_alias)");
    }

    [Fact]
    public async Task ApplyAsync_WrongSecret_Fails401AuthenticationFailed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(credentials: new SimulatorCredentials { OpnSenseSecret = "wrong-opnsense-secret-99" });

        var outcome = await h.Executor("opnsense").ApplyAsync(NetworkHarness.Action("act-0000000000b5", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("opnsense apply failed: HTTP 401 Unauthorized: Authentication Failed");
        h.Logs.Lines.ShouldNotContain(l => l.Contains("wrong-opnsense-secret-99", StringComparison.Ordinal));
    }
}
