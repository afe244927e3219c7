using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class NewIcsDiscoverCommandsModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_OfficePcReadsThreeNewSzlLists_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsDiscoverCommandsModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        string[] szls = ["0x0011", "0x001C", "0x0131"];
        for (int i = 0; i < szls.Length; i++) events.Add(Ev.Ics(After.AddSeconds(i), Background.Office(2), Background.S7Plc, "discover", "read-szl", $"szl={szls[i]} index=0x0000"));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.NewIcsDiscoverCommands);
        breach.Evidence["new_commands"].ShouldBe(3);
        ((string[])breach.Evidence["commands"]).ShouldContain(c => c.Contains("read-szl/szl=0x001C"));
        breach.Peers.ShouldBe([Background.S7Plc]);
    }

    [Fact]
    public void Observe_HmiReadingTheSameSzlListsOnEveryConnect_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsDiscoverCommandsModel());
        brain.Run(Background.Plant(Ev.T0, Ev.T0.AddHours(8)));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_TwoNewReadsOfOnePlc_StayBelowTheFloor()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsDiscoverCommandsModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(2), Background.S7Plc, "discover", "read-szl", "szl=0x0011 index=0x0000"));
        events.Add(Ev.Ics(After.AddSeconds(1), Background.Office(2), Background.S7Plc, "discover", "read-szl", "szl=0x001C index=0x0000"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_NewReadsOfTwoPlcs_MeetTheTargetFloor()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsDiscoverCommandsModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(2), Background.S7Plc, "discover", "read-szl", "szl=0x0011 index=0x0000"));
        events.Add(Ev.Ics(After.AddSeconds(1), Background.Office(2), Background.ModbusPlc, "discover", "read-device-identification", "unit=1 mei=14 read-device-id=1 object=0", "modbus", 502, code: 43));
        brain.Run(events);
        found.Breaches.ShouldHaveSingleItem().Evidence["new_command_targets"].ShouldBe(2);
    }
}
