using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class SslNoSniNewExternalModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_NoSniToEndpointNewToTheNetwork_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new SslNoSniNewExternalModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Hello(After, Background.Office(2), "203.0.113.50", null, uid: "C-tls"));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.SslNoSniNewExternal);
        breach.Device.Ip.ShouldBe(Background.Office(2));
        breach.Evidence["flow_uid"].ShouldBe("C-tls");
        breach.Evidence["other_devices"].ShouldBe(0);
        breach.Peers.ShouldBe(["203.0.113.50"]);
        breach.Summary.ShouldContain("without SNI");
    }

    [Fact]
    public void Observe_ByIpToACommonService_DoesNotBreach()
    {
        // Every office PC talks to 198.51.100.10 by address (no SNI); one more PC doing so is not rare.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new SslNoSniNewExternalModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3), officePcs: 10);
        for (int i = 0; i < 9; i++) events.Add(Ev.Hello(Ev.T0.AddMinutes(30 + i), Background.Office(i), "198.51.100.10", null, "ja3-agent"));
        events.Add(Ev.Hello(After, Background.Office(9), "198.51.100.10", null, "ja3-agent"));
        // A new address in the same /24 is not rare either (CDN churn).
        events.Add(Ev.Hello(After.AddMinutes(1), Background.Office(9), "198.51.100.77", null, "ja3-agent"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_ClientSoftwareThatNeverSendsSni_DoesNotBreach()
    {
        // An agent (its own JA3) always connects by address; on a fresh address it is still itself.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new SslNoSniNewExternalModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int i = 0; i < 40; i++) events.Add(Ev.Hello(Ev.T0.AddMinutes(3 * i), Background.Office(i % 10), "192.0.2.10", null, "ja3-agent"));
        events.Add(Ev.Hello(After, Background.Office(1), "203.0.113.99", null, "ja3-agent"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_WithSni_IsNeverThisModel()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new SslNoSniNewExternalModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Hello(After, Background.Office(2), "203.0.113.50", "never-seen.example.net"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
