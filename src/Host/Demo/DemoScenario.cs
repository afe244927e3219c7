using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Demo;

/// <summary>
/// The demo capture is the <c>ics-sabotage</c> scenario (src/Simulation): two days of an office (VLAN 10) and a
/// plant (VLAN 20) at work, then the reference attack by a new laptop. Its configuration is the scenario's own
/// <see cref="Scenario.Config"/>, kept in one place there.
/// </summary>
public static class DemoScenario
{
    public static Scenario Scenario { get; } = ScenarioCatalog.Get("ics-sabotage");

    public static string Config => Scenario.Config;

    /// <summary>Writes the capture; returns what was written (packets, time span, the attack's milestones).</summary>
    public static SimulationResult Write(string path, int seed = SimulationOptions.DefaultSeed) =>
        Scenario.Write(path, new SimulationOptions(seed));
}
