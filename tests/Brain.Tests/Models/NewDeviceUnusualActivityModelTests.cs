using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class NewDeviceUnusualActivityModelTests
{
    private static readonly DateTimeOffset Attack = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_NewLaptopSweepingThePlant_BreachesWithFeatureCounts()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewDeviceUnusualActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Device(Attack, Story.Attacker, "02:00:00:0a:00:42", 10));
        for (int host = 1; host <= 30; host++) events.Add(Ev.Attempt(Attack.AddSeconds(host), Story.Attacker, $"10.20.0.{host}", 102));
        brain.Run(events);

        var breaches = found.Of(ModelIds.NewDeviceUnusualActivity);
        breaches.ShouldNotBeEmpty();
        var breach = breaches.Last();
        breach.Device.Ip.ShouldBe(Story.Attacker);
        breach.Score.ShouldBeGreaterThanOrEqualTo(0.5);
        ((int)breach.Evidence["failed_internal_targets"]).ShouldBeGreaterThanOrEqualTo(10);
        ((int)breach.Evidence["it_to_ot_destinations"]).ShouldBe((int)breach.Evidence["failed_internal_targets"]);
        breach.Summary.ShouldContain("first seen");
        found.Breaches.Count.ShouldBeLessThanOrEqualTo(3, "re-scored only as the activity grows by half");
    }

    [Fact]
    public void Observe_NewLaptopBehavingLikeTheOffice_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewDeviceUnusualActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(4));
        events.Add(Ev.Device(Attack, Story.Attacker, "02:00:00:0a:00:42", 10));
        for (var t = Attack; t < Ev.T0.AddHours(4); t += TimeSpan.FromMinutes(10))
        {
            events.Add(Ev.Session(t.AddSeconds(3), Story.Attacker, Background.Dns, 53));
            events.Add(Ev.Session(t.AddSeconds(4), Story.Attacker, Background.Files, 445));
            events.Add(Ev.Session(t.AddSeconds(5), Story.Attacker, "93.184.216.10", 443));
        }
        events.Add(Ev.Rejected(Attack.AddMinutes(7), Story.Attacker, "10.10.0.250", 9100)); // the printer is off
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_KnownDeviceSweepingThePlant_IsNotNew()
    {
        // The same sweep from an office PC seen since the start: other models' business, not this one's.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewDeviceUnusualActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int host = 1; host <= 30; host++) events.Add(Ev.Attempt(Attack.AddSeconds(host), Background.Office(3), $"10.20.0.{host}", 102));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_NewDeviceMoreThanADayOld_IsNoLongerNew()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(1), new NewDeviceUnusualActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(2));
        events.Add(Ev.Device(Ev.T0.AddHours(1.5), Story.Attacker, "02:00:00:0a:00:42", 10));
        var late = Ev.T0.AddHours(1.5).AddDays(1).AddHours(1);
        for (int host = 1; host <= 30; host++) events.Add(Ev.Attempt(late.AddSeconds(host), Story.Attacker, $"10.20.0.{host}", 102));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
