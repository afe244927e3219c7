namespace AutoRespond.Simulation.Scenarios;

/// <summary>How to run a scenario.</summary>
/// <param name="Seed">Drives every timing, volume and count: the same seed gives a byte-identical capture.</param>
/// <param name="Background">Overrides the scenario's background length (see <see cref="Scenario.BackgroundMeaning"/>).</param>
public sealed record SimulationOptions(int Seed = SimulationOptions.DefaultSeed, TimeSpan? Background = null)
{
    public const int DefaultSeed = 1;
}
