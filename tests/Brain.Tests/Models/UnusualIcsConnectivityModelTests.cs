using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class UnusualIcsConnectivityModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_BurstOfNewIcsEdges_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualIcsConnectivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int host = 1; host <= 5; host++) events.Add(Ev.Attempt(After.AddSeconds(host), Background.Office(1), $"10.20.0.{host}", 102));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.UnusualIcsConnectivity);
        breach.Evidence["new_edges_last_hour"].ShouldBe(UnusualIcsConnectivityModel.MinBurst);
        breach.Summary.ShouldContain("new ICS connections within an hour");
        breach.Peers.Count.ShouldBe(3);
    }

    [Fact]
    public void Observe_HmiPollingItsPlcs_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualIcsConnectivityModel());
        brain.Run(Background.Plant(Ev.T0, Ev.T0.AddHours(8)));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_TwoNewEdges_StayBelowTheBurstFloor()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualIcsConnectivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Session(After, Background.Office(1), Background.S7Plc, 102));
        events.Add(Ev.Session(After.AddSeconds(1), Background.Office(1), Background.ModbusPlc, 502));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
