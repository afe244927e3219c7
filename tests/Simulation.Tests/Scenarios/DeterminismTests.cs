using AutoRespond.Simulation.Scenarios;
using AutoRespond.Simulation.Tests.Support;

namespace AutoRespond.Simulation.Tests.Scenarios;

/// <summary>Same seed, same bytes; another seed, other timings, volumes and counts.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [InlineData("ics-sabotage", 2.0)]
    [InlineData("benign-office", 6.0)]
    [InlineData("ehr-upgrade", 1.0)]
    public void SameSeed_GivesByteIdenticalCaptures_AnotherSeedDoesNot(string name, double hours)
    {
        var scenario = ScenarioCatalog.Get(name);
        var (first, firstResult) = Hash(scenario, 5, hours);
        var (second, secondResult) = Hash(scenario, 5, hours);
        var (other, otherResult) = Hash(scenario, 6, hours);

        second.ShouldBe(first);
        secondResult.Packets.ShouldBe(firstResult.Packets);
        secondResult.Milestones.ShouldBe(firstResult.Milestones);
        other.ShouldNotBe(first);
        otherResult.Packets.ShouldNotBe(firstResult.Packets);
    }

    [Fact]
    public void Seeds_MoveTheAttackWithinItsWindow_ButNotItsStages()
    {
        var starts = Enumerable.Range(1, 4)
            .Select(seed => Hash(ScenarioCatalog.Get("ics-sabotage"), seed, 1).Result)
            .Select(r => r.Milestone("attack").Start)
            .ToArray();
        starts.Distinct().Count().ShouldBe(4);
        foreach (var start in starts) start.ShouldBeInRange(IcsSabotageScenario.AttackWindow, IcsSabotageScenario.AttackWindow + TimeSpan.FromMinutes(45));
    }

    private static (string Hash, SimulationResult Result) Hash(Scenario scenario, int seed, double hours)
    {
        using var stream = new HashStream();
        var result = scenario.Write(stream, new SimulationOptions(seed, TimeSpan.FromHours(hours)));
        stream.Written.ShouldBeGreaterThan(24 + 16 * result.Packets);
        return (stream.Hex(), result);
    }
}
