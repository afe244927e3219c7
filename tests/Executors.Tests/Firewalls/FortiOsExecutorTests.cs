using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Simulators.Common;

namespace AutoRespond.Executors.Tests.Firewalls;

/// <summary>firewall-block on FortiOS: the real Refit client against the FortiOS simulator.</summary>
public sealed class FortiOsExecutorTests
{
    private const string Ip = "198.18.5.7";

    private static Task<NetworkHarness> StartAsync(string vdom = "root", ExecutorOptions? options = null, SimulatorCredentials? credentials = null) =>
        NetworkHarness.StartAsync(url => new IntegrationsConfig { FortiOs = new FortiOsConfig(url, "FORTIOS_TOKEN", vdom) }, options, credentials);

    [Fact]
    public async Task ApplyAsync_NewAddress_PostsAddUsersWithRemainingExpiryBearerAndVdom()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(vdom: "dmz");
        var action = NetworkHarness.Action("act-0000000000f1", ActionKinds.FirewallBlock, Ip, TimeSpan.FromMinutes(15));

        var outcome = await h.Executor("fortios").ApplyAsync(action, ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldMatch($@"^blocked {System.Text.RegularExpressions.Regex.Escape(Ip)} in the ban list of vdom dmz, expiry (89\d|900) s"); // wall clock: a loaded machine may take a second
        var requests = h.Requests("fortios");
        requests.Select(r => $"{r.Method} {r.Path}{r.Query} {r.Status}").ShouldBe([
            "GET /api/v2/monitor/user/banned/select?vdom=dmz 200",
            "POST /api/v2/monitor/user/banned/add_users?vdom=dmz 200",
            "GET /api/v2/monitor/user/banned/select?vdom=dmz 200",
        ]);
        var add = requests[1];
        add.Header("Authorization").ShouldBe("Bearer sim-fortios-token");
        add.Header("Content-Type")!.ShouldStartWith("application/json");
        add.Body.ShouldMatch("""^\{"ip_addresses":\["198\.18\.5\.7"\],"expiry":(89\d|900)\}$""");
        (await h.StateAsync("/_sim/fortios/banned?vdom=dmz")).ShouldBe([Ip]);
        (await h.StateAsync("/_sim/fortios/banned?vdom=root")).ShouldBeEmpty();
    }

    [Fact]
    public async Task RevertAsync_Banned_PostsClearUsersAndBanIsGone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000f2", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));
        (await h.Executor("fortios").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        h.Sim.Journal.Clear();

        var outcome = await h.Revertible("fortios").RevertAsync(NetworkHarness.Revert(action), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldBe($"removed {Ip} from the ban list of vdom root (released)");
        var clear = h.Requests("fortios").Single(r => r.Method == "POST");
        clear.Path.ShouldBe("/api/v2/monitor/user/banned/clear_users");
        clear.Query.ShouldBe("?vdom=root");
        clear.Header("Authorization").ShouldBe("Bearer sim-fortios-token");
        clear.Body.ShouldBe("""{"ip_addresses":["198.18.5.7"]}""");
        (await h.StateAsync("/_sim/fortios/banned")).ShouldBeEmpty();
        (await h.Verifiable("fortios").IsInPlaceAsync(action.ActionId, Ip, ct)).ShouldBeFalse();
        (await h.Revertible("fortios").RevertAsync(NetworkHarness.Revert(action), ct)).Detail.ShouldStartWith("already removed");
    }

    [Fact]
    public async Task ApplyAsync_Redelivered_AlreadyInPlaceAndOneBan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000f3", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));

        var first = await h.Executor("fortios").ApplyAsync(action, ct);
        var second = await h.Executor("fortios").ApplyAsync(action, ct);

        first.Applied.ShouldBeTrue(first.Detail);
        second.Applied.ShouldBeTrue(second.Detail);
        second.Detail.ShouldBe($"already in place: {Ip} is in the ban list of vdom root");
        h.Requests("fortios").Count(r => r.Path.EndsWith("/add_users", StringComparison.Ordinal)).ShouldBe(1);
        (await h.StateAsync("/_sim/fortios/banned")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task ApplyAsync_ExpiryPassed_FortiGateLiftsTheBanByItself()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000f4", ActionKinds.FirewallBlock, Ip, TimeSpan.FromMinutes(2));
        (await h.Executor("fortios").ApplyAsync(action, ct)).Applied.ShouldBeTrue();

        h.Time.Advance(TimeSpan.FromSeconds(119));
        (await h.Verifiable("fortios").IsInPlaceAsync(action.ActionId, Ip, ct)).ShouldBeTrue();
        h.Time.Advance(TimeSpan.FromSeconds(2));
        (await h.Verifiable("fortios").IsInPlaceAsync(action.ActionId, Ip, ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task ApplyAsync_RedeliveredWithLaterExpiry_BanIsExtended()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000fa", ActionKinds.FirewallBlock, Ip, TimeSpan.FromMinutes(15));
        (await h.Executor("fortios").ApplyAsync(action, ct)).Applied.ShouldBeTrue();

        var extended = await h.Executor("fortios").ApplyAsync(action with { Duration = TimeSpan.FromMinutes(60) }, ct);

        extended.Applied.ShouldBeTrue(extended.Detail);
        // The executor counts the remaining time on the wall clock: on a loaded machine a second or two pass between calls.
        extended.Detail.ShouldStartWith($"extended {Ip} in the ban list of vdom root, expiry ");
        var posts = h.Requests("fortios").Where(r => r.Method == "POST").Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement).ToList();
        posts.Count.ShouldBe(2);
        posts.ShouldAllBe(p => p.GetProperty("ip_addresses")[0].GetString() == Ip);
        posts[0].GetProperty("expiry").GetInt64().ShouldBeInRange(890, 900);
        posts[1].GetProperty("expiry").GetInt64().ShouldBeInRange(3590, 3600);
        h.Time.Advance(TimeSpan.FromMinutes(30));
        (await h.Verifiable("fortios").IsInPlaceAsync(action.ActionId, Ip, ct)).ShouldBeTrue("the ban now lasts the extended hour");
        (await h.StateAsync("/_sim/fortios/banned")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task ApplyAsync_NoDuration_BansWithExpiryZero()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000f5", ActionKinds.FirewallBlock, "2001:db8::7", null);

        var outcome = await h.Executor("fortios").ApplyAsync(action, ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldEndWith("expiry no expiry");
        h.Requests("fortios").Single(r => r.Method == "POST").Body.ShouldBe("""{"ip_addresses":["2001:db8::7"],"expiry":0}""");
    }

    [Fact]
    public async Task ApplyAsync_503ThenSuccess_RetriedAndApplied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Sim.Faults.Inject("fortios", new InjectedFault(503, PathPrefix: "/api/v2/monitor/user/banned/add_users"));
        var action = NetworkHarness.Action("act-0000000000f6", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));

        var outcome = await h.Executor("fortios").ApplyAsync(action, ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        h.Requests("fortios").Where(r => r.Path.EndsWith("/add_users", StringComparison.Ordinal)).Select(r => r.Status).ShouldBe([503, 200]);
        (await h.StateAsync("/_sim/fortios/banned")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task ApplyAsync_Sustained503_CircuitOpensAndActionFailsWithoutCallingTheFirewall()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(options: ExecutorOptions.Fast with { BreakerDuration = TimeSpan.FromSeconds(30) });
        h.Sim.Faults.Inject("fortios", new InjectedFault(503), times: 1000);
        var action = NetworkHarness.Action("act-0000000000f7", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));

        var first = await h.Executor("fortios").ApplyAsync(action, ct);
        first.Applied.ShouldBeFalse();
        first.Detail.ShouldStartWith("fortios apply failed:");
        var later = first;
        for (int i = 0; i < 5 && !later.Detail.Contains("circuit open", StringComparison.Ordinal); i++)
            later = await h.Executor("fortios").ApplyAsync(action, ct);
        later.Detail.ShouldBe("fortios apply failed: circuit open after repeated failures of fortios; the call was not sent");

        int hits = h.Requests("fortios").Count;
        var open = await h.Executor("fortios").ApplyAsync(action, ct);
        open.Applied.ShouldBeFalse();
        open.Detail.ShouldContain("circuit open");
        h.Requests("fortios").Count.ShouldBe(hits, "an open circuit sends nothing");
        h.Requests("fortios").ShouldAllBe(r => r.Status == 503);
    }

    [Fact]
    public async Task ApplyAsync_WrongToken_Fails401AndSecretsStayOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var wrong = new SimulatorCredentials { FortiOsToken = "wrong-fortios-token-4711" };
        await using var h = await StartAsync(credentials: wrong);
        var action = NetworkHarness.Action("act-0000000000f8", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));

        var outcome = await h.Executor("fortios").ApplyAsync(action, ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("fortios apply failed: HTTP 401 Unauthorized");
        h.Requests("fortios").Single().Status.ShouldBe(401, "a 401 is not retried");
        foreach (string secret in (string[])["wrong-fortios-token-4711", "sim-fortios-token"])
        {
            outcome.Detail.ShouldNotContain(secret);
            h.Logs.Lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("198.18.5")]
    [InlineData("198.18.5.7/32")]
    [InlineData("fw1; rm -rf /")]
    [InlineData("")]
    public async Task ApplyAsync_TargetNotAnAddress_RefusedAndNothingSent(string target)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();

        var outcome = await h.Executor("fortios").ApplyAsync(NetworkHarness.Action("act-0000000000f9", ActionKinds.FirewallBlock, target, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldContain("is not an IP address; nothing sent");
        h.Requests("fortios").ShouldBeEmpty();
    }
}
