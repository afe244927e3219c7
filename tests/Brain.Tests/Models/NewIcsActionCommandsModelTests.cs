using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class NewIcsActionCommandsModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    /// <summary>Background plus the HMI writing set-points into holding registers 40020–40080 every 5 minutes.</summary>
    private static List<NetworkEvent> WithSetPoints(DateTimeOffset end)
    {
        var events = Background.Plant(Ev.T0, end);
        int n = 0;
        for (var t = Ev.T0; t < end; t += TimeSpan.FromMinutes(5), n++)
            events.Add(Ev.Ics(t.AddSeconds(30), Background.Hmi, Background.ModbusPlc, "action", "write-single-register",
                $"unit=1 address={40020 + n % 7 * 10} value=0x{n:x4}", "modbus", 502, code: 6));
        return events;
    }

    [Fact]
    public void Observe_NewPlcStop_BreachesWithCriticalFloor()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsActionCommandsModel());
        var events = WithSetPoints(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(3), Background.S7Plc, "action", "plc-stop", critical: true, uid: "C-stop"));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.NewIcsActionCommands);
        breach.Score.ShouldBeGreaterThanOrEqualTo(0.8);
        breach.Evidence["critical"].ShouldBe(true);
        breach.Evidence["flow_uid"].ShouldBe("C-stop");
    }

    [Fact]
    public void Observe_CriticalByFunctionNameWhenTheSensorDoesNotFlagIt_StillCritical()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsActionCommandsModel());
        var events = WithSetPoints(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(3), Background.ModbusPlc, "action", "force-listen-only-mode", null, "modbus", 502, code: 8));
        brain.Run(events);
        found.Breaches.ShouldHaveSingleItem().Evidence["critical"].ShouldBe(true);
    }

    [Fact]
    public void Observe_HmiWritingSetPointsWithinItsUsualRegisters_DoesNotBreach()
    {
        // Registers vary (40020 … 40080) but stay in the learnt 100-wide bucket.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsActionCommandsModel());
        var events = WithSetPoints(Ev.T0.AddHours(6));
        events.Add(Ev.Ics(Ev.T0.AddHours(4), Background.Hmi, Background.ModbusPlc, "action", "write-single-register", "unit=1 address=40095 value=0x0063", "modbus", 502, code: 6));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_TwoNewWritesFromAnOfficePc_Breach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsActionCommandsModel());
        var events = WithSetPoints(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(3), Background.S7Plc, "action", "write-var", "items=1 DB5.DBD20[1]"));
        events.Add(Ev.Ics(After.AddSeconds(2), Background.Office(3), Background.S7Plc, "action", "write-var", "items=1 MB0[1]"));
        brain.Run(events);
        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Evidence["critical"].ShouldBe(false);
        breach.Evidence["new_commands"].ShouldBe(2);
    }

    [Fact]
    public void Observe_CriticalCommandWithinTheCooldownOfAWriteBreach_StillBreaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsActionCommandsModel());
        var events = WithSetPoints(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(3), Background.S7Plc, "action", "write-var", "items=1 DB5.DBD20[1]"));
        events.Add(Ev.Ics(After.AddSeconds(2), Background.Office(3), Background.S7Plc, "action", "write-var", "items=1 MB0[1]"));
        events.Add(Ev.Ics(After.AddSeconds(3), Background.Office(3), Background.ModbusPlc, "action", "write-single-register", "unit=1 address=7 value=0x0001", "modbus", 502, code: 6));
        events.Add(Ev.Ics(After.AddMinutes(20), Background.Office(3), "10.20.0.23", "action", "plc-stop", critical: true));
        brain.Run(events);
        found.Breaches.Last().Evidence["critical"].ShouldBe(true);
        found.Breaches.Last().Time.ShouldBe(After.AddMinutes(20));
    }

    [Fact]
    public void Observe_OneNewNonCriticalWrite_StaysBelowTheFloor()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new NewIcsActionCommandsModel());
        var events = WithSetPoints(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Hmi, Background.ModbusPlc, "action", "write-single-register", "unit=1 address=40300 value=0x0001", "modbus", 502, code: 6));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
