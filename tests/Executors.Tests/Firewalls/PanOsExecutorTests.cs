using System.Web;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Simulators.Common;

namespace AutoRespond.Executors.Tests.Firewalls;

/// <summary>firewall-block on PAN-OS (User-ID tag → Dynamic Address Group): the real Refit client against the simulator.</summary>
public sealed class PanOsExecutorTests
{
    private const string Ip = "198.18.5.8";
    private const string Tag = "autorespond-block";

    private static Task<NetworkHarness> StartAsync(SimulatorCredentials? credentials = null) =>
        NetworkHarness.StartAsync(url => new IntegrationsConfig { PanOs = new PanOsConfig(url, "PANOS_KEY", Tag) }, executorCredentials: credentials);

    [Fact]
    public async Task ApplyAsync_NewAddress_RegistersTagWithTimeoutOverUserIdForm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000a1", ActionKinds.FirewallBlock, Ip, TimeSpan.FromMinutes(15));

        var outcome = await h.Executor("panos").ApplyAsync(action, ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var requests = h.Requests("panos");
        requests.Select(r => $"{r.Method} {r.Path} {r.Status}").ShouldBe(["GET /api/ 200", "POST /api/ 200", "GET /api/ 200"]);
        var show = HttpUtility.ParseQueryString(requests[0].Query);
        show["type"].ShouldBe("op");
        show["cmd"].ShouldBe($"""<show><object><registered-ip><tag><entry name="{Tag}" /></tag></registered-ip></object></show>""");
        var register = requests[1];
        register.Header("X-PAN-KEY").ShouldBe("sim-panos-key");
        register.Header("Authorization").ShouldBeNull();
        register.Header("Content-Type")!.ShouldStartWith("application/x-www-form-urlencoded");
        register.Query.ShouldBe("");
        register.Body.ShouldStartWith("type=user-id&vsys=vsys1&cmd=");
        var form = HttpUtility.ParseQueryString(register.Body);
        form.AllKeys.ShouldBe(["type", "vsys", "cmd"]);
        // timeout: the remaining seconds on the wall clock (900, or a second less on a loaded machine).
        form["cmd"]!.Replace("timeout=\"899\"", "timeout=\"900\"", StringComparison.Ordinal).ShouldBe(
            "<uid-message><version>2.0</version><type>update</type><payload><register>"
            + $"""<entry ip="{Ip}"><tag><member timeout="900">{Tag}</member></tag></entry>"""
            + "</register></payload></uid-message>");
        (await h.StateAsync($"/_sim/panos/registered/{Tag}")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task RevertAsync_Registered_UnregistersTag()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000a2", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));
        (await h.Executor("panos").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        h.Sim.Journal.Clear();

        var outcome = await h.Revertible("panos").RevertAsync(NetworkHarness.Revert(action, "expired"), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var unregister = h.Requests("panos").Single(r => r.Method == "POST");
        unregister.Header("X-PAN-KEY").ShouldBe("sim-panos-key");
        HttpUtility.ParseQueryString(unregister.Body)["cmd"].ShouldBe(
            "<uid-message><version>2.0</version><type>update</type><payload><unregister>"
            + $"""<entry ip="{Ip}"><tag><member>{Tag}</member></tag></entry>"""
            + "</unregister></payload></uid-message>");
        (await h.StateAsync($"/_sim/panos/registered/{Tag}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_Redelivered_AlreadyInPlaceAndOneRegistration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000a3", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1));

        (await h.Executor("panos").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        var again = await h.Executor("panos").ApplyAsync(action, ct);

        again.Applied.ShouldBeTrue(again.Detail);
        again.Detail.ShouldStartWith("already in place");
        h.Requests("panos").Count(r => r.Method == "POST").ShouldBe(1);
        (await h.StateAsync($"/_sim/panos/registered/{Tag}")).ShouldBe([Ip]);
    }

    [Fact]
    public async Task ApplyAsync_TimeoutPassed_TagDroppedByTheFirewall()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000a4", ActionKinds.FirewallBlock, Ip, TimeSpan.FromMinutes(15));
        (await h.Executor("panos").ApplyAsync(action, ct)).Applied.ShouldBeTrue();

        h.Time.Advance(TimeSpan.FromSeconds(901));

        (await h.Verifiable("panos").IsInPlaceAsync(action.ActionId, Ip, ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task ApplyAsync_LongerThanPanOsAllows_RegistersWithoutTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-0000000000a5", ActionKinds.FirewallBlock, Ip, TimeSpan.FromDays(31));

        (await h.Executor("panos").ApplyAsync(action, ct)).Applied.ShouldBeTrue();

        HttpUtility.ParseQueryString(h.Requests("panos").Single(r => r.Method == "POST").Body)["cmd"]!.ShouldContain("<member timeout=\"0\">");
    }

    [Fact]
    public async Task ApplyAsync_WrongKey_Fails403InvalidCredentialWithoutTheKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(new SimulatorCredentials { PanOsKey = "wrong-panos-key-0815" });

        var outcome = await h.Executor("panos").ApplyAsync(NetworkHarness.Action("act-0000000000a6", ActionKinds.FirewallBlock, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("panos apply failed: HTTP 403 Forbidden: status error, code 403: Invalid Credential");
        foreach (string secret in (string[])["wrong-panos-key-0815", "sim-panos-key"])
            h.Logs.Lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal));
    }
}
