using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class FailedConnectionsToIcsDeviceModelTests
{
    private const string Hmi2 = "10.20.0.11";
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_FailuresToFourIcsTargets_Breach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new FailedConnectionsToIcsDeviceModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Attempt(After, Background.Office(8), "10.20.0.30", 102));
        events.Add(Ev.Attempt(After.AddSeconds(1), Background.Office(8), "10.20.0.31", 102));
        events.Add(Ev.Rejected(After.AddSeconds(2), Background.Office(8), Background.ModbusPlc, 102));
        events.Add(Ev.Rejected(After.AddSeconds(3), Background.Office(8), Background.S7Plc, 502));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.FailedConnectionsToIcsDevice);
        breach.Evidence["failed_ics_targets"].ShouldBe(3);
        breach.Score.ShouldBeGreaterThanOrEqualTo(0.5);
    }

    [Fact]
    public void Observe_PlcDownForAllItsUsualClients_IsAnOutageNotABreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new FailedConnectionsToIcsDeviceModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(2.4));
        // A second HMI also polls the S7 PLC; at +2.4 h the PLC dies and both HMIs retry for ten minutes.
        for (var t = Ev.T0; t < Ev.T0.AddHours(2.4); t += TimeSpan.FromMinutes(1))
            events.Add(Ev.Session(t.AddSeconds(5), Hmi2, Background.S7Plc, 102));
        for (var t = Ev.T0.AddHours(2.4); t < Ev.T0.AddHours(2.6); t += TimeSpan.FromSeconds(20))
        {
            events.Add(Ev.Attempt(t, Background.Hmi, Background.S7Plc, 102));
            events.Add(Ev.Attempt(t.AddSeconds(1), Hmi2, Background.S7Plc, 102));
        }
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_TwoFailures_StayBelowTheFloors()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new FailedConnectionsToIcsDeviceModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Attempt(After, Background.Office(8), "10.20.0.30", 102));
        events.Add(Ev.Attempt(After.AddSeconds(1), Background.Office(8), "10.20.0.31", 502));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
