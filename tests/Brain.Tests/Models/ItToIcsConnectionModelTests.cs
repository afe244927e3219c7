using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class ItToIcsConnectionModelTests
{
    private const string Historian = "10.10.0.40";
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_OfficePcOpensS7SessionToPlc_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new ItToIcsConnectionModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(7), Background.S7Plc, "session", "setup-communication", uid: "C-s7"));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.ItToIcsConnection);
        breach.Device.Ip.ShouldBe(Background.Office(7));
        breach.Evidence["flow_uid"].ShouldBe("C-s7");
        breach.Evidence["protocol"].ShouldBe("iso-tsap");
        breach.Peers.ShouldBe([Background.S7Plc]);
    }

    [Fact]
    public void Observe_HistorianInItThatAlwaysPollsThePlc_DoesNotBreach()
    {
        // Flat network: an IT-zone historian polls the Modbus PLC all along (learnt by baseline).
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new ItToIcsConnectionModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(4));
        for (var t = Ev.T0; t < Ev.T0.AddHours(4); t += TimeSpan.FromMinutes(5))
        {
            events.Add(Ev.Ics(t.AddSeconds(20), Historian, Background.ModbusPlc, "read", "read-holding-registers", "unit=1 start=0 quantity=10", "modbus", 502, code: 3));
            events.Add(Ev.Session(t.AddSeconds(21), Historian, Background.ModbusPlc, 502));
        }
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_OtHmiToAnotherPlc_IsNotFromIt()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new ItToIcsConnectionModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Hmi, "10.20.0.23", "read", "read-var", "items=1 DB2.DBW0[1]"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
