namespace AutoRespond.Simulation.Scenarios;

/// <summary>The scenarios <c>autorespond simulate</c> knows, by name.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } = [new IcsSabotageScenario(), new BenignOfficeScenario(), new EhrUpgradeScenario(), new ScanSwarmScenario(), new ShadowAiScenario()];

    /// <summary>The scenario called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static Scenario Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"unknown scenario '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}");
}
