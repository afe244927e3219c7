using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class UnusualAdminRdpModelTests
{
    private const string JumpHost = "10.10.0.5";
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    /// <summary>Background plus a jump host administering two servers over RDP every 30 minutes.</summary>
    private static List<NetworkEvent> Baseline(DateTimeOffset end)
    {
        var events = Background.Plant(Ev.T0, end);
        for (var t = Ev.T0; t < end; t += TimeSpan.FromMinutes(30))
            foreach (string server in (string[])["10.10.0.30", "10.10.0.31"])
                events.AddRange(Session(t.AddMinutes(server.EndsWith('0') ? 1 : 2), JumpHost, server, "ops\\adm-ops", restricted: false));
        return events;
    }

    private static NetworkEvent[] Session(DateTimeOffset start, string client, string server, string? cookie, bool restricted,
        long bytes = 300_000, string state = "SF", int seconds = 300)
    {
        string uid = Ev.Uid();
        var flow = Ev.Session(start.AddSeconds(seconds), client, server, 3389, bytes, bytes * 10, TimeSpan.FromSeconds(seconds), uid);
        if (state != "SF") flow = flow with { Flow = flow.Flow with { ConnState = state, History = "Sr" } };
        return [Ev.Rdp(start, client, server, cookie, restricted, uid), flow];
    }

    [Fact]
    public void Observe_NewLaptopAdminRdpIntoTheHmi_BreachesHigh()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualAdminRdpModel());
        var events = Baseline(Ev.T0.AddHours(3));
        events.Add(Ev.Device(After, Story.Attacker, "02:00:00:0a:00:42", 10));
        events.AddRange(Session(After.AddSeconds(5), Story.Attacker, Background.Hmi, "administr", restricted: true));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.UnusualAdminRdp);
        breach.Device.Ip.ShouldBe(Story.Attacker);
        breach.Score.ShouldBeGreaterThanOrEqualTo(0.8);
        breach.Evidence["cookie"].ShouldBe("administr");
        breach.Evidence["restricted_admin"].ShouldBe(true);
        breach.Evidence["it_to_ot"].ShouldBe(true);
        breach.Peers.ShouldBe([Background.Hmi]);
    }

    [Fact]
    public void Observe_JumpHostAdministeringItsUsualServers_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualAdminRdpModel());
        brain.Run(Baseline(Ev.T0.AddHours(6)));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_NonAdminUser_IsGatedOut()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualAdminRdpModel());
        var events = Baseline(Ev.T0.AddHours(3));
        events.AddRange(Session(After, Background.Office(1), Background.Hmi, "jsmith", restricted: false));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_SessionNeverEstablished_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualAdminRdpModel());
        var events = Baseline(Ev.T0.AddHours(3));
        events.AddRange(Session(After, Background.Office(1), Background.Hmi, "administrator", restricted: true, bytes: 400, seconds: 3));
        events.AddRange(Session(After.AddMinutes(1), Background.Office(2), Background.Hmi, "administrator", restricted: true, state: "RSTR"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_TlsServerHelloOnTheRdpFlow_EstablishesBeforeTheFlowEnds()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualAdminRdpModel());
        var events = Baseline(Ev.T0.AddHours(3));
        events.Add(Ev.Rdp(After, Story.Attacker, Background.Hmi, "Administrator", false, "C-rdp-tls"));
        events.Add(Ev.Hello(After.AddSeconds(1), Story.Attacker, Background.Hmi, null, uid: "C-rdp-tls"));
        brain.Run(events);
        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Evidence["established_by"].ShouldBe("tls");
        breach.Time.ShouldBe(After.AddSeconds(1));
    }

    [Theory]
    [InlineData("administr", false, 0.7)]
    [InlineData("mstshash=CONTOSO\\Administrator", false, 0.7)]
    [InlineData("adm-jdoe", false, 0.7)]
    [InlineData("jdoe_admin", false, 0.7)]
    [InlineData("jdoe", true, 0.9)]
    [InlineData("jdoe", false, 0)]
    [InlineData("adam", false, 0)]
    [InlineData(null, false, 0)]
    public void AdminConfidence_Of_FollowsSection18(string? cookie, bool restricted, double expected) =>
        AdminConfidence.Of(cookie, restricted, []).ShouldBe(expected);

    [Fact]
    public void AdminConfidence_ConfiguredPrivilegedAccount_Counts() =>
        AdminConfidence.Of("svc-plant", false, ["CONTOSO\\svc-plant"]).ShouldBe(0.7);
}
