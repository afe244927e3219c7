namespace AutoRespond.Simulation.Scenarios;

/// <summary>What a run wrote: packet count, the capture's time span and the scenario's milestones.</summary>
public sealed record SimulationResult(string Scenario, int Seed, long Packets, DateTimeOffset Start, DateTimeOffset End,
    IReadOnlyList<Milestone> Milestones)
{
    /// <summary>The first milestone named <paramref name="name"/>.</summary>
    public Milestone Milestone(string name) =>
        Milestones.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"{Scenario} has no milestone '{name}'");
}
