using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Scenarios;

public sealed class IncidentTests
{
    [Fact]
    public void DefaultModels_SabotageStory_OneCriticalSabotageIncidentForTheLaptop()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2));
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(Story.Attack(Ev.T0.AddHours(2.5)));
        brain.Run(events);

        found.Incidents.Select(i => i.Id).Distinct().ShouldHaveSingleItem();
        var last = found.Incidents.Last();
        last.Device.Ip.ShouldBe(Story.Attacker);
        last.Category.ShouldBe("ics-sabotage");
        last.Score.ShouldBeGreaterThanOrEqualTo(0.95);
        // The HMI's volume breach joined through the RDP breach that named it as a peer.
        last.Breaches.ShouldContain(b => b.Model == ModelIds.UnusualDataTransfer && b.Device.Ip == Background.Hmi);
        last.Attack.ShouldContain("T0843");
    }
}
