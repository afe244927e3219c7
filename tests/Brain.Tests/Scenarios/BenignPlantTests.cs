using AutoRespond.Brain.Tests.Support;

namespace AutoRespond.Brain.Tests.Scenarios;

public sealed class BenignPlantTests
{
    [Fact]
    public void DefaultModels_SixHoursOfBenignPlantAfterTwoHoursLearning_NoBreaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2));
        brain.Run(Background.Plant(Ev.T0, Ev.T0.AddHours(8)));
        found.Breaches.Select(b => b.Model + ": " + b.Summary).ShouldBeEmpty();
    }
}
