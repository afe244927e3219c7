namespace AutoRespond.Simulation.Scenarios;

/// <summary>A notable step of a scenario (an attack stage, a maintenance job) and when its traffic ran.</summary>
/// <param name="Name">Short stable id, e.g. "rdp" or "upgrade-1".</param>
/// <param name="Description">One line for people.</param>
public sealed record Milestone(string Name, DateTimeOffset Start, DateTimeOffset End, string Description);

/// <summary>Collects milestones as the activities that make them run.</summary>
public sealed class Timeline
{
    private readonly List<Milestone> _milestones = [];

    public IReadOnlyList<Milestone> Milestones => _milestones.OrderBy(m => m.Start).ThenBy(m => m.Name, StringComparer.Ordinal).ToArray();

    public void Mark(string name, DateTimeOffset start, DateTimeOffset end, string description) =>
        _milestones.Add(new Milestone(name, start, end, description));
}
