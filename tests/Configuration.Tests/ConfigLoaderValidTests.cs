using System.Net;
using AutoRespond.Contracts;
using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

public class ConfigLoaderValidTests
{
    [Fact]
    public void LoadText_ContractExample_BindsNetworkLearningBusAndStorage()
    {
        var config = Load(Samples.ContractExample);

        config.Network.Internal.ShouldBe([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.0.0/16")]);
        config.Network.Zones.Select(z => (z.Name, z.Kind)).ShouldBe([("Computing", ZoneKind.It), ("Industrial", ZoneKind.Ot)]);
        config.Network.Zones[1].Cidrs.ShouldBe([IPNetwork.Parse("10.20.0.0/24")]);
        config.Network.Zones[0].Vlans.ShouldBeEmpty();
        config.Network.Protected.ShouldBe([IPNetwork.Parse("10.20.0.21/32")]);
        config.Learning.Period.ShouldBe(TimeSpan.FromHours(24));
        config.Bus.ShouldBe(new BusConfig(BusTransport.InMemory, null));
        config.Storage.ShouldBe(new StorageConfig(StorageProvider.Sqlite, "autorespond.db", null) { IsExplicit = true });
        config.SourcePath.ShouldBeNull();
    }

    [Fact]
    public void LoadText_ContractExample_BindsResponseLadderAndLimits()
    {
        var response = Load(Samples.ContractExample).Response;

        response.Mode.ShouldBe(ResponseMode.Autonomous);
        response.IsExplicit.ShouldBeTrue();
        response.Ladder.Count.ShouldBe(3);
        response.Ladder[0].ShouldSatisfyAllConditions(
            s => s.MinScore.ShouldBe(0.60),
            s => s.Actions.ShouldBe([ActionKinds.Ticket]),
            s => s.Duration.ShouldBeNull(),
            s => s.Scope.ShouldBeNull());
        response.Ladder[1].Duration.ShouldBe(TimeSpan.FromHours(1));
        response.Ladder[1].Actions.ShouldBe([ActionKinds.Ticket, ActionKinds.TcpReset]);
        response.Ladder[2].MinScore.ShouldBe(0.95);
        response.Ladder[2].Actions.ShouldBe([ActionKinds.Ticket, ActionKinds.FirewallBlock, ActionKinds.SwitchQuarantine]);
        response.Ladder[2].Duration.ShouldBe(TimeSpan.FromHours(4));
        response.Ladder[2].Scope!.Zones.ShouldBe(["Computing"]);
        response.Ladder[2].Scope!.Devices.ShouldBeEmpty();
        response.Limits.ShouldBe(new LimitsConfig(50, 20));
    }

    [Fact]
    public void LoadText_ContractExample_BindsWindowsAndApi()
    {
        var config = Load(Samples.ContractExample);

        var window = config.Windows.ShouldHaveSingleItem();
        window.Name.ShouldBe("EHR upgrade");
        window.Start.ShouldBe(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero));
        window.End.ShouldBe(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));
        window.Rrule.ShouldBeNull();
        window.Tz.ShouldBeNull();
        window.Scope.Devices.ShouldBe([IPNetwork.Parse("10.30.0.5/32")]);
        window.Scope.Zones.ShouldBe(["Clinical"]); // not a declared zone: windows may name zones of other configs
        window.Scope.Users.ShouldBeEmpty();
        window.Effect.ShouldBe(WindowEffect.Suppress);
        window.CapScore.ShouldBeNull();
        config.Api.Listen.ShouldBe(new Uri("http://127.0.0.1:5080"));
        config.Api.Keys.ShouldBe(
            [new ApiKeyConfig("mdr", "AR_ADMIN_KEY", ApiRole.Admin), new ApiKeyConfig("it", "AR_IT_KEY", ApiRole.Scheduler)]);
    }

    [Fact]
    public void LoadText_ContractExample_BindsEveryIntegration()
    {
        var i = Load(Samples.ContractExample).Integrations;

        i.FortiOs.ShouldBe(new FortiOsConfig(new Uri("https://fw1:443"), "FORTIOS_TOKEN", "root"));
        i.PanOs.ShouldBe(new PanOsConfig(new Uri("https://fw2"), "PANOS_KEY", "autorespond-block"));
        i.OpnSense.ShouldBe(new OpnSenseConfig(new Uri("https://fw3"), "OPN_KEY", "OPN_SECRET", "autorespond_block"));
        i.Nftables.ShouldBe(new NftablesConfig("autorespond", null));
        i.IosXe.ShouldBe(new SwitchConfig(new Uri("https://sw1"), "SW_USER", "SW_PASS", "AUTORESPOND"));
        i.Arista!.Url.ShouldBe(new Uri("https://sw2"));
        i.Graph.ShouldBe(new GraphConfig(
            new Uri("https://graph.microsoft.com/v1.0"), "...", "...", "GRAPH_SECRET", new Uri("https://login.microsoftonline.com"), null));
        i.Graph!.UsesClientSecret.ShouldBeTrue();
        i.ServiceNow.ShouldBe(new ServiceNowConfig(new Uri("https://x.service-now.com"), "SN_USER", "SN_PASS"));
        i.Jira.ShouldBe(new JiraConfig(new Uri("https://x.atlassian.net"), "JIRA_USER", "JIRA_TOKEN", "SEC"));
        i.PagerDuty.ShouldBe(new PagerDutyConfig(new Uri("https://events.pagerduty.com"), "PD_KEY"));
        i.Webhooks.ShouldBe([new WebhookConfig(new Uri("https://soar.example/hooks/autorespond"), "HOOK_SECRET")]);
        i.Users[IPAddress.Parse("10.10.0.66")].ShouldBe("alice@contoso.com");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("---\n")]
    [InlineData("network:\nlearning: ~\nresponse: null\n")]
    public void LoadText_EmptyOrNullSections_ReturnsDefault(string yaml)
    {
        var config = Load(yaml);

        config.ShouldBe(AutoRespondConfig.Default);
        config.Response.IsExplicit.ShouldBeFalse();
    }

    [Fact]
    public void Default_EmptyFile_HasDocumentedDefaults()
    {
        var config = AutoRespondConfig.Default;

        config.Network.Internal.ShouldBe(NetworkConfig.DefaultInternal);
        config.Network.Internal.ShouldContain(IPNetwork.Parse("172.16.0.0/12"));
        config.Network.Internal.ShouldContain(IPNetwork.Parse("100.64.0.0/10"));
        config.Network.Internal.ShouldContain(IPNetwork.Parse("fc00::/7"));
        config.Network.Zones.ShouldBeEmpty();
        config.Learning.Period.ShouldBe(TimeSpan.FromDays(1));
        config.Bus.Transport.ShouldBe(BusTransport.InMemory);
        config.Storage.Path.ShouldBe("autorespond.db");
        config.Response.Mode.ShouldBe(ResponseMode.DryRun);
        config.Response.Ladder.ShouldBe(ResponseConfig.DefaultLadder);
        config.Response.Ladder.Select(s => s.MinScore).ShouldBe([0.60, 0.80, 0.95]);
        config.Response.Ladder[2].Actions.ShouldBe([ActionKinds.Ticket, ActionKinds.FirewallBlock]);
        config.Response.Ladder.ShouldAllBe(s => s.Scope == null);
        config.Response.Limits.ShouldBe(new LimitsConfig(50, 20));
        config.Windows.ShouldBeEmpty();
        config.Integrations.Webhooks.ShouldBeEmpty();
        config.Integrations.FortiOs.ShouldBeNull();
        config.Api.ShouldBe(ApiConfig.Default);
        config.Api.Listen.ShouldBe(new Uri("http://127.0.0.1:5080"));
    }

    [Fact]
    public void LoadText_ResponseWithOnlyLimits_KeepsDryRunAndDefaultLadder()
    {
        var response = Load("response:\n  limits: { max_active_actions: 5 }\n").Response;

        response.IsExplicit.ShouldBeTrue();
        response.Mode.ShouldBe(ResponseMode.DryRun);
        response.Ladder.ShouldBe(ResponseConfig.DefaultLadder);
        response.Limits.ShouldBe(new LimitsConfig(5, 20));
    }

    [Fact]
    public void LoadText_RabbitMqAndPostgres_BindsUriAndConnection()
    {
        var config = Load("""
            bus: { transport: rabbitmq, uri: "amqps://user:pass@mq.example:5671/ar" }
            storage: { provider: postgres, connection: "Host=db;Database=ar" }
            """);

        config.Bus.ShouldBe(new BusConfig(BusTransport.RabbitMq, new Uri("amqps://user:pass@mq.example:5671/ar")));
        config.Storage.ShouldBe(new StorageConfig(StorageProvider.Postgres, "autorespond.db", "Host=db;Database=ar") { IsExplicit = true });
    }

    [Fact]
    public void LoadText_ZonesWithVlansAndBareIps_BindsHostRoutesAndVlans()
    {
        var network = Load("""
            network:
              internal: [10.0.0.0/8, fd00::/8, 203.0.113.7]
              zones:
                - name: Plant
                  kind: OT
                  vlans: [20, 21]
                - { name: Jump, cidrs: [10.9.9.9, "2001:db8::1"], kind: dmz }
              protected: [10.20.0.21, "fe80::1"]
            """).Network;

        network.Internal.ShouldBe([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("fd00::/8"), IPNetwork.Parse("203.0.113.7/32")]);
        network.Zones[0].ShouldSatisfyAllConditions(
            z => z.Kind.ShouldBe(ZoneKind.Ot), z => z.Vlans.ShouldBe([20, 21]), z => z.Cidrs.ShouldBeEmpty());
        network.Zones[1].Cidrs.ShouldBe([IPNetwork.Parse("10.9.9.9/32"), IPNetwork.Parse("2001:db8::1/128")]);
        network.Protected.ShouldBe([IPNetwork.Parse("10.20.0.21/32"), IPNetwork.Parse("fe80::1/128")]);
    }

    [Fact]
    public void LoadText_RecurringCappedWindowInTimeZone_BindsEveryField()
    {
        var window = Load("""
            windows:
              - name: Patch night
                start: 2026-12-05T22:00:00+01:00
                end: 2026-12-06T02:30:00.5+01:00
                rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,-1SU;UNTIL=20271231T000000Z
                tz: Europe/London
                scope: { zones: [Office], users: [bob@contoso.com], actions: [firewall-block] }
                effect: cap
                cap_score: 0.8
            """).Windows.ShouldHaveSingleItem();

        window.Start.ShouldBe(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.FromHours(1)));
        window.End.ShouldBe(new DateTimeOffset(2026, 12, 6, 2, 30, 0, 500, TimeSpan.FromHours(1)));
        window.Rrule.ShouldBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,-1SU;UNTIL=20271231T000000Z");
        window.Tz.ShouldBe("Europe/London");
        window.Scope.ShouldSatisfyAllConditions(
            s => s.Zones.ShouldBe(["Office"]), s => s.Users.ShouldBe(["bob@contoso.com"]), s => s.Actions.ShouldBe(["firewall-block"]));
        window.Effect.ShouldBe(WindowEffect.Cap);
        window.CapScore.ShouldBe(0.8);
    }

    [Theory]
    [InlineData("0s", 0)]
    [InlineData("30s", 30)]
    [InlineData("15m", 900)]
    [InlineData("24h", 86_400)]
    [InlineData("7d", 604_800)]
    public void LoadText_Duration_ParsesUnits(string text, int seconds)
    {
        Load($"learning: {{ period: {text} }}").Learning.Period.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void LoadText_GraphWithAccessToken_BindsTokenAndDefaults()
    {
        var graph = Load("integrations:\n  graph: { access_token_env: GRAPH_TOKEN }\n").Integrations.Graph!;

        graph.AccessTokenEnv.ShouldBe("GRAPH_TOKEN");
        graph.UsesClientSecret.ShouldBeFalse();
        graph.Url.ShouldBe(GraphConfig.DefaultUrl);
        graph.Authority.ShouldBe(GraphConfig.DefaultAuthority);
    }

    [Fact]
    public void LoadText_WebhookWithoutSecretAndIpv6User_Binds()
    {
        var integrations = Load("""
            integrations:
              webhooks: [ { url: "http://127.0.0.1:9000/hook" } ]
              users:
                fe80::66: carol@contoso.com
            """).Integrations;

        integrations.Webhooks.ShouldBe([new WebhookConfig(new Uri("http://127.0.0.1:9000/hook"), null)]);
        integrations.Users[IPAddress.Parse("fe80::66")].ShouldBe("carol@contoso.com");
    }

    [Fact]
    public void LoadFile_ExistingFile_SetsFullSourcePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"autorespond-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "learning: { period: 2h }\n");
        try
        {
            var config = ConfigLoader.LoadFile(path);

            config.SourcePath.ShouldBe(Path.GetFullPath(path));
            config.Learning.Period.ShouldBe(TimeSpan.FromHours(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FindSystemTimeZoneById_EuropeLondon_ResolvesOnThisMachine()
    {
        // InvariantGlobalization is on; IANA ids still resolve from tzdata without ICU.
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London").HasIanaId.ShouldBeTrue();
    }
}
