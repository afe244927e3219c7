using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class UncommonIcsReprogramModelTests
{
    private const string Ews = "10.20.0.50";
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    /// <summary>Background plus an engineering workstation uploading and downloading the S7 PLC every half hour.</summary>
    private static List<NetworkEvent> WithEngineering(DateTimeOffset end)
    {
        var events = Background.Plant(Ev.T0, end);
        for (var t = Ev.T0.AddMinutes(7); t < end; t += TimeSpan.FromMinutes(30))
        {
            events.Add(Ev.Ics(t, Ews, Background.S7Plc, "reprogram", "start-upload", "status=0x00 session=0 file=_0800001A block=OB1 fs=active"));
            events.Add(Ev.Ics(t.AddSeconds(5), Ews, Background.S7Plc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", critical: true));
        }
        return events;
    }

    [Fact]
    public void Observe_DownloadByAnOfficePc_BreachesAtFloorAndIsCritical()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UncommonIcsReprogramModel());
        var events = WithEngineering(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(4), Background.S7Plc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", critical: true));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.UncommonIcsReprogram);
        breach.Score.ShouldBe(0.95);
        breach.Evidence["critical"].ShouldBe(true);
        breach.Evidence["direction"].ShouldBe("to-controller");
    }

    [Fact]
    public void Observe_UploadByAnOfficePc_BreachesLower()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UncommonIcsReprogramModel());
        var events = WithEngineering(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Background.Office(4), Background.S7Plc, "reprogram", "start-upload", "status=0x00 session=0 file=_0800001A block=OB1 fs=active"));
        brain.Run(events);
        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Score.ShouldBe(0.8);
        breach.Evidence["critical"].ShouldBe(false);
    }

    [Fact]
    public void Observe_EngineeringWorkstationDoingItsUsualWork_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UncommonIcsReprogramModel());
        brain.Run(WithEngineering(Ev.T0.AddHours(5)));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_EngineeringWorkstationToANewPlc_BreachesAtPointSix()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UncommonIcsReprogramModel());
        var events = WithEngineering(Ev.T0.AddHours(3));
        events.Add(Ev.Ics(After, Ews, Background.ModbusPlc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", critical: true));
        brain.Run(events);
        found.Breaches.ShouldHaveSingleItem().Score.ShouldBe(0.6);
    }

    [Fact]
    public void Observe_AttackerReprogrammingTwice_StaysNonEngineering()
    {
        // Its own first transfer must not make it an engineering workstation for the second.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UncommonIcsReprogramModel());
        var events = WithEngineering(Ev.T0.AddHours(5));
        events.Add(Ev.Ics(After, Background.Office(4), Background.S7Plc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", critical: true));
        events.Add(Ev.Ics(After.AddHours(1.5), Background.Office(4), Background.ModbusPlc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", critical: true));
        brain.Run(events);
        found.Breaches.Count.ShouldBe(2);
        found.Breaches.ShouldAllBe(b => b.Score == 0.95);
    }
}
