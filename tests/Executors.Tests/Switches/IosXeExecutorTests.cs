using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Switches;
using AutoRespond.Executors.Tests.Firewalls;
using AutoRespond.Simulators.Common;

namespace AutoRespond.Executors.Tests.Switches;

/// <summary>switch-quarantine on Cisco IOS-XE (RESTCONF ACL entry): the real Refit client against the simulator.</summary>
public sealed class IosXeExecutorTests
{
    private const string Ip = "198.18.6.10";
    private const string AclUrl = "/restconf/data/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended=AUTORESPOND";
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sim-admin:sim-switch-password"));

    private static Task<NetworkHarness> StartAsync(SimulatorCredentials? credentials = null) =>
        NetworkHarness.StartAsync(url => new IntegrationsConfig { IosXe = new SwitchConfig(url, "SW_USER", "SW_PASS", SwitchConfig.DefaultAcl) },
            executorCredentials: credentials);

    [Fact]
    public async Task ApplyAsync_NewDevice_PatchesDenyEntryNumberedFromActionId()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        const string id = "act-00000000c0c1";
        long seq = AclSequences.Preferred(id);

        var outcome = await h.Executor("iosxe").ApplyAsync(NetworkHarness.Action(id, ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(4)), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        outcome.Detail.ShouldStartWith($"blocked {Ip} in ACL AUTORESPOND");
        var requests = h.Requests("iosxe");
        requests.Select(r => $"{r.Method} {r.Path} {r.Status}").ShouldBe([$"GET {AclUrl} 404", $"PATCH {AclUrl} 204", $"GET {AclUrl} 200"]);
        foreach (var r in requests)
        {
            r.Header("Authorization").ShouldBe(Basic);
            r.Header("Accept").ShouldBe("application/yang-data+json");
        }
        var patch = requests[1];
        patch.Header("Content-Type")!.ShouldStartWith("application/yang-data+json");
        patch.Body.ShouldBe(
            $$"""{"Cisco-IOS-XE-acl:extended":[{"name":"AUTORESPOND","access-list-seq-rule":[""" +
            $$$"""{"sequence":"{{{seq}}}","ace-rule":{"action":"deny","protocol":"ip","host-address":"{{{Ip}}}","dst-any":[null]}},""" +
            """{"sequence":"1000000","ace-rule":{"action":"permit","protocol":"ip","any":[null],"dst-any":[null]}}]}]}""");
        (await h.StateAsync("/_sim/iosxe/acls/AUTORESPOND")).ShouldBe([$"{seq} deny {Ip}", "1000000 permit any"]);
    }

    [Fact]
    public async Task RevertAsync_Quarantined_DeletesTheDevicesEntryOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var first = NetworkHarness.Action("act-00000000c0c2", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(4));
        var other = NetworkHarness.Action("act-00000000c0c3", ActionKinds.SwitchQuarantine, "198.18.6.11", TimeSpan.FromHours(4));
        (await h.Executor("iosxe").ApplyAsync(first, ct)).Applied.ShouldBeTrue();
        (await h.Executor("iosxe").ApplyAsync(other, ct)).Applied.ShouldBeTrue();
        h.Sim.Journal.Clear();

        var outcome = await h.Revertible("iosxe").RevertAsync(NetworkHarness.Revert(first, "expired"), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        var delete = h.Requests("iosxe").Single(r => r.Method == "DELETE");
        delete.Path.ShouldBe($"{AclUrl}/access-list-seq-rule={AclSequences.Preferred(first.ActionId)}");
        delete.Status.ShouldBe(204);
        delete.Header("Authorization").ShouldBe(Basic);
        delete.Body.ShouldBeEmpty();
        (await h.StateAsync("/_sim/iosxe/acls/AUTORESPOND")).ShouldBe([$"{AclSequences.Preferred(other.ActionId)} deny 198.18.6.11", "1000000 permit any"]);
    }

    [Fact]
    public async Task ApplyAsync_Redelivered_AlreadyInPlaceAndOneEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        var action = NetworkHarness.Action("act-00000000c0c4", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(4));

        (await h.Executor("iosxe").ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        var again = await h.Executor("iosxe").ApplyAsync(action, ct);

        again.Detail.ShouldBe($"already in place: {Ip} is in ACL AUTORESPOND");
        h.Requests("iosxe").Count(r => r.Method == "PATCH").ShouldBe(1);
        (await h.StateAsync("/_sim/iosxe/acls/AUTORESPOND")).Count(e => e.EndsWith(Ip, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ApplyAsync_IPv6Device_RefusedWithoutCalls()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();

        var outcome = await h.Executor("iosxe").ApplyAsync(NetworkHarness.Action("act-00000000c0c5", ActionKinds.SwitchQuarantine, "2001:db8::5", null), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("iosxe blocks IPv4 addresses only (ACL AUTORESPOND is an IPv4 ACL); 2001:db8::5 not sent");
        h.Requests("iosxe").ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_WrongPassword_Fails401AccessDenied()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync(new SimulatorCredentials { SwitchPassword = "wrong-switch-password-7" });

        var outcome = await h.Executor("iosxe").ApplyAsync(NetworkHarness.Action("act-00000000c0c6", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldBe("iosxe apply failed: HTTP 401 Unauthorized: access-denied: access denied");
        h.Logs.Lines.ShouldNotContain(l => l.Contains("wrong-switch-password-7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_TransientRestconfError_RetriedPatchApplies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await StartAsync();
        h.Sim.Faults.Inject("iosxe", new InjectedFault(503, PathPrefix: AclUrl), times: 1);

        var outcome = await h.Executor("iosxe").ApplyAsync(NetworkHarness.Action("act-00000000c0c7", ActionKinds.SwitchQuarantine, Ip, TimeSpan.FromHours(1)), ct);

        outcome.Applied.ShouldBeTrue(outcome.Detail);
        h.Requests("iosxe")[0].Status.ShouldBe(503);
    }
}
