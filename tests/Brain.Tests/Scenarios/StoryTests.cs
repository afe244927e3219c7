using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Scenarios;

public sealed class StoryTests
{
    [Fact]
    public void DefaultModels_SabotageStory_EveryReferenceModelBreachesInOneIncident()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2));
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(Story.Attack(Ev.T0.AddHours(2.5)));
        brain.Run(events);

        var text = string.Join("\n", found.Breaches.Select(b => $"{b.Time:HH:mm:ss} {b.Model} {b.Device.Ip} {b.Score}: {b.Summary}"));
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        found.Breaches.Select(b => b.Model).Distinct().Order().ShouldBe(ModelIds.All.Append(ModelIds.UnusualDataTransfer).Order(), text);
    }
}
