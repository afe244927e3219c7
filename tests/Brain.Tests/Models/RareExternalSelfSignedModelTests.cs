using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class RareExternalSelfSignedModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_SelfSignedFromNewExternal_BreachesOncePerEndpointAndDay()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new RareExternalSelfSignedModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(5));
        events.Add(Ev.Cert(After, Background.Office(4), "203.0.113.50", "CN=a1b2c3", true, uid: "C-cert"));
        events.Add(Ev.Cert(After.AddHours(1.5), Background.Office(4), "203.0.113.50", "CN=a1b2c3", true));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.RareExternalSelfSigned);
        breach.Evidence["subject"].ShouldBe("CN=a1b2c3");
        breach.Evidence["cert_sha256"].ShouldNotBe("");
        breach.Evidence["flow_uid"].ShouldBe("C-cert");
        breach.Summary.ShouldContain("self-signed");
    }

    [Fact]
    public void Observe_VendorPortalManyDevicesUse_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new RareExternalSelfSignedModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int i = 0; i < 8; i++) events.Add(Ev.Cert(Ev.T0.AddMinutes(20 + i), Background.Office(i), "192.0.2.80", "CN=portal.vendor.example", true));
        events.Add(Ev.Cert(After, Background.Office(9), "192.0.2.80", "CN=portal.vendor.example", true));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_IssuerOfAConfiguredPrivateCa_DoesNotBreach()
    {
        var options = new BrainOptions { LearningPeriod = TimeSpan.FromHours(2), PrivateCaIssuers = ["Contoso Root CA"] };
        var (brain, found) = Ev.Brain(options, new RareExternalSelfSignedModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Cert(After, Background.Office(4), "203.0.113.50", "CN=Contoso Root CA", true, "CN=Contoso Root CA"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_PubliclySignedCertificate_IsNeverThisModel()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new RareExternalSelfSignedModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Cert(After, Background.Office(4), "203.0.113.50", "CN=new.example.org", false));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
