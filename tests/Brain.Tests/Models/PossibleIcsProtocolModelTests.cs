using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class PossibleIcsProtocolModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_ModbusAttemptsToTheInternet_Breach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new PossibleIcsProtocolModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int i = 1; i <= 3; i++) events.Add(Ev.Attempt(After.AddSeconds(i), Background.Office(5), $"198.51.100.{i}", 502));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.PossibleIcsProtocol);
        breach.Evidence["variant"].ShouldBe("external");
        breach.Peers.ShouldBe(["198.51.100.1"]);
        breach.Summary.ShouldContain("modbus");
    }

    [Fact]
    public void Observe_GatewayPolledOverTheInternetInBaseline_DoesNotBreach()
    {
        // The HMI polls a remote Modbus gateway every minute (learnt), and keeps doing so.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new PossibleIcsProtocolModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(4));
        for (var t = Ev.T0; t < Ev.T0.AddHours(4); t += TimeSpan.FromMinutes(1))
            events.Add(Ev.Session(t.AddSeconds(30), Background.Hmi, "192.0.2.200", 502));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_OfficePcSpeaksModbusForTheFirstTime_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new PossibleIcsProtocolModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Session(After, Background.Office(6), Background.ModbusPlc, 502));
        brain.Run(events);
        found.Breaches.ShouldHaveSingleItem().Evidence["variant"].ShouldBe("first-ics-use");
    }

    [Fact]
    public void Observe_HmiPollingAnotherPlc_IsAnOtDevice()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new PossibleIcsProtocolModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Session(After, Background.Hmi, "10.20.0.23", 20000));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_S7OnANonStandardPort_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new PossibleIcsProtocolModel());
        // The network speaks S7 on 102 and Modbus on 502 only; an office PC speaks S7 on 8102.
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(8));
        events.Add(Ev.Ics(Ev.T0.AddHours(7.5), Background.Office(2), "10.20.0.40", "read", "read-var", "items=1 DB1.DBW0[1]", port: 8102));
        brain.Run(events);
        found.Breaches.ShouldHaveSingleItem().Evidence["variant"].ShouldBe("non-standard-port");
    }
}
