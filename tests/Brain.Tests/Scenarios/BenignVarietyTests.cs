using AutoRespond.Brain.Tests.Support;

namespace AutoRespond.Brain.Tests.Scenarios;

public sealed class BenignVarietyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void DefaultModels_DayOfVariedBenignTraffic_NoBreaches(int seed)
    {
        var learning = TimeSpan.FromHours(3);
        var (brain, found) = Ev.Brain(learning);
        brain.Run(BenignVariety.Build(Ev.T0, TimeSpan.FromHours(24), Ev.T0 + learning, seed));
        var text = string.Join("\n", found.Breaches.Select(b => $"{b.Time:HH:mm} {b.Model} {b.Device.Ip} {b.Score}: {b.Summary}"));
        found.Breaches.ShouldBeEmpty(text);
    }
}
