using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class UnusualDataTransferModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(3.5);

    [Fact]
    public void Observe_HmiPushingFortyMegabytesOverRdp_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualDataTransferModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(4));
        events.Add(Ev.Session(After, Story.Attacker, Background.Hmi, 3389, 400_000, 40_000_000, TimeSpan.FromMinutes(20), "C-rdp"));
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.UnusualDataTransfer);
        breach.Device.Ip.ShouldBe(Background.Hmi);
        breach.Evidence["receiver"].ShouldBe(Story.Attacker);
        breach.Evidence["port"].ShouldBe(3389);
        breach.Evidence["flow_uid"].ShouldBe("C-rdp");
        breach.Peers.ShouldBe([Story.Attacker]);
    }

    [Fact]
    public void Observe_FileServerWhoseTransfersVaryWidely_DoesNotBreach()
    {
        // The file server sends 2 kB … 60 MB an hour to PCs all along; 40 MB to a new PC is within its habits.
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualDataTransferModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(6));
        long[] sizes = [2_000, 60_000_000, 300_000, 15_000_000, 40_000, 5_000_000, 900, 25_000_000];
        int n = 0;
        for (var t = Ev.T0; t < Ev.T0.AddHours(6); t += TimeSpan.FromMinutes(20), n++)
            events.Add(Ev.Session(t.AddSeconds(40), Background.Office(n % 10), Background.Files, 445, 500, sizes[n % sizes.Length]));
        events.Add(Ev.Session(Ev.T0.AddHours(5).AddMinutes(7), "10.10.0.77", Background.Files, 445, 500, 40_000_000));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_SmallTransfers_NeverReachTheVolumeFloor()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new UnusualDataTransferModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(Ev.Session(Ev.T0.AddHours(2.5), Background.Hmi, Background.S7Plc, 102, 900_000, 100));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
