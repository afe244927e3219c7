using System.Diagnostics;
using System.Text.Json.Nodes;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tests.Firewalls;
using AutoRespond.Responders.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors.Tests.Nftables;

/// <summary>
/// firewall-block with nftables, end to end on a real kernel firewall: the executor works in the router namespace of
/// a <see cref="RoutedTopology"/> the test creates, and a TCP connection from A to B proves the effect. Runs as root
/// (CI does); skipped with the reason otherwise.
/// </summary>
public sealed class NftablesExecutorTests
{
    private const string A = RoutedTopology.AddressA;

    private static (ServiceProvider Services, IRevertibleActionExecutor Executor) ExecutorIn(string netns)
    {
        var services = new ServiceCollection();
        services.AddExecutors(new IntegrationsConfig { Nftables = new NftablesConfig(NftablesConfig.DefaultTable, netns) },
            new DictionarySecretSource(new Dictionary<string, string>()), ExecutorOptions.Fast);
        var provider = services.BuildServiceProvider();
        return (provider, (IRevertibleActionExecutor)provider.GetServices<IActionExecutor>().Single(e => e.Name == "nftables"));
    }

    private static RoutedTopology Topology()
    {
        if (!RoutedTopology.CanRun(out string why))
            Assert.Skip(why);
        return new RoutedTopology();
    }

    [Fact]
    public async Task ApplyAsync_AddressOfHostA_ConnectionsDropUntilRevert()
    {
        var ct = TestContext.Current.CancellationToken;
        using var net = Topology();
        net.Create();
        await net.StartServerAsync(ct);
        var (services, executor) = ExecutorIn(net.NsRouter);
        await using var _ = services;
        (await net.ConnectsAsync(ct)).ShouldBeTrue("A reaches B before any block");
        var action = NetworkHarness.Action("act-0000000n0f01", ActionKinds.FirewallBlock, A, TimeSpan.FromMinutes(10));

        var applied = await executor.ApplyAsync(action, ct);

        applied.Applied.ShouldBeTrue(applied.Detail);
        applied.Detail.ShouldMatch($@"^blocked {System.Text.RegularExpressions.Regex.Escape(A)} in nftables table inet autorespond in netns {net.NsRouter}, expiry (59\d|600) s");
        (await net.ConnectsAsync(ct)).ShouldBeFalse("the forward chain drops A");
        var element = Elements(net).ShouldHaveSingleItem();
        element["val"]!.GetValue<string>().ShouldBe(A);
        element["comment"]!.GetValue<string>().ShouldBe(action.ActionId);
        element["timeout"]!.GetValue<long>().ShouldBe(600);
        (await ((IVerifiableActionExecutor)executor).IsInPlaceAsync(action.ActionId, A, ct)).ShouldBeTrue();

        var reverted = await executor.RevertAsync(NetworkHarness.Revert(action), ct);

        reverted.Applied.ShouldBeTrue(reverted.Detail);
        Elements(net).ShouldBeEmpty();
        (await net.ConnectsAsync(ct)).ShouldBeTrue("A reaches B again after the revert");
    }

    [Fact]
    public async Task ApplyAsync_TwoSecondBlock_KernelLiftsItByItself()
    {
        var ct = TestContext.Current.CancellationToken;
        using var net = Topology();
        net.Create();
        await net.StartServerAsync(ct);
        var (services, executor) = ExecutorIn(net.NsRouter);
        await using var _ = services;
        var action = NetworkHarness.Action("act-0000000n0f02", ActionKinds.FirewallBlock, A, TimeSpan.FromSeconds(2));

        (await executor.ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        var blockedAt = Stopwatch.StartNew();
        (await net.ConnectsAsync(ct)).ShouldBeFalse();

        bool restored = false;
        while (!restored && blockedAt.Elapsed < TimeSpan.FromSeconds(15))
            restored = await net.ConnectsAsync(ct);

        restored.ShouldBeTrue("the element's timeout ran out and traffic passes again");
        Elements(net).ShouldBeEmpty();
        (await ((IVerifiableActionExecutor)executor).IsInPlaceAsync(action.ActionId, A, ct)).ShouldBeFalse();
        (await executor.RevertAsync(NetworkHarness.Revert(action, "expired"), ct)).Detail.ShouldStartWith("already removed");
    }

    [Fact]
    public async Task ApplyAsync_Redelivered_AlreadyInPlaceOneElementAndRulesNeverPileUp()
    {
        var ct = TestContext.Current.CancellationToken;
        using var net = Topology();
        net.Create();
        var (services, executor) = ExecutorIn(net.NsRouter);
        await using var _ = services;
        var action = NetworkHarness.Action("act-0000000n0f03", ActionKinds.FirewallBlock, A, TimeSpan.FromMinutes(10));
        var other = NetworkHarness.Action("act-0000000n0f04", ActionKinds.FirewallBlock, "198.18.1.77", TimeSpan.FromMinutes(10));

        (await executor.ApplyAsync(action, ct)).Applied.ShouldBeTrue();
        var again = await executor.ApplyAsync(action, ct);
        (await executor.ApplyAsync(other, ct)).Applied.ShouldBeTrue();

        again.Applied.ShouldBeTrue(again.Detail);
        again.Detail.ShouldBe($"already in place: {A} is in nftables table inet autorespond in netns {net.NsRouter}");
        Elements(net).Select(e => e["val"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe([A, "198.18.1.77"]);
        Rules(net, "forward").ShouldBe(4, "ip saddr/daddr and ip6 saddr/daddr, once each");
        Rules(net, "input").ShouldBe(2);
    }

    [Fact]
    public async Task ApplyAsync_RedeliveredWithLaterExpiry_ElementGetsTheNewTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        using var net = Topology();
        net.Create();
        var (services, executor) = ExecutorIn(net.NsRouter);
        await using var _ = services;
        var action = NetworkHarness.Action("act-0000000n0f06", ActionKinds.FirewallBlock, A, TimeSpan.FromMinutes(10));
        (await executor.ApplyAsync(action, ct)).Applied.ShouldBeTrue();

        var extended = await executor.ApplyAsync(action with { Duration = TimeSpan.FromHours(2) }, ct);

        extended.Applied.ShouldBeTrue(extended.Detail);
        extended.Detail.ShouldMatch($@"^extended {System.Text.RegularExpressions.Regex.Escape(A)} in nftables table inet autorespond in netns {net.NsRouter}, expiry (719\d|7200) s");
        var element = Elements(net).ShouldHaveSingleItem();
        element["timeout"]!.GetValue<long>().ShouldBe(7200);
        element["comment"]!.GetValue<string>().ShouldBe(action.ActionId);
    }

    [Fact]
    public async Task ApplyAsync_NamespaceDoesNotExist_FailsWithTheCommandsError()
    {
        var ct = TestContext.Current.CancellationToken;
        if (!RoutedTopology.CanRun(out string why))
            Assert.Skip(why);
        var (services, executor) = ExecutorIn("arnMissing" + Guid.NewGuid().ToString("N")[..6]);
        await using var _ = services;

        var outcome = await executor.ApplyAsync(NetworkHarness.Action("act-0000000n0f05", ActionKinds.FirewallBlock, A, TimeSpan.FromMinutes(1)), ct);

        outcome.Applied.ShouldBeFalse();
        outcome.Detail.ShouldStartWith("nftables apply failed: ip netns exec arnMissing");
        outcome.Detail.ShouldContain("Cannot open network namespace");
    }

    private static List<JsonObject> Elements(RoutedTopology net)
    {
        var json = JsonNode.Parse(net.NftInRouter("-j", "list", "set", "inet", "autorespond", "blocked4"))!;
        return [.. json["nftables"]!.AsArray().Select(i => i?["set"]?["elem"]).OfType<JsonArray>().SelectMany(a => a)
            .Select(e => e!["elem"] as JsonObject ?? new JsonObject { ["val"] = e.GetValue<string>() })];
    }

    private static int Rules(RoutedTopology net, string chain) =>
        JsonNode.Parse(net.NftInRouter("-j", "list", "chain", "inet", "autorespond", chain))!["nftables"]!.AsArray().Count(i => i?["rule"] is not null);
}
