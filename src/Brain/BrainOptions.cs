namespace AutoRespond.Brain;

/// <summary>Tunables of the brain. Defaults follow DETECTION.md §2–3.</summary>
public sealed record BrainOptions
{
    /// <summary>Event time after the first event during which models learn but never breach. The default value is 24 hours.</summary>
    public TimeSpan LearningPeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Per (model, device) quiet time after a breach. The default value is 1 hour.</summary>
    public TimeSpan BreachCooldown { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Within the cool-down a model re-breaches only when its score rose by this much. The default value is 0.05.</summary>
    public double RebreachScoreStep { get; init; } = 0.05;

    /// <summary>Breaches of one device this close in time belong to one incident. The default value is 6 hours.</summary>
    public TimeSpan IncidentLinkWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>An incident with no new breach for this long is closed. The default value is 24 hours.</summary>
    public TimeSpan IncidentQuietClose { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Half-life of device and pair baselines. The default value is 14 days.</summary>
    public TimeSpan BaselineHalfLife { get; init; } = TimeSpan.FromDays(14);
}
