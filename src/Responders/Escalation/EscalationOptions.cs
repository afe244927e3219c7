namespace AutoRespond.Responders.Escalation;

/// <summary>
/// Escalating durations for repeat offenders (Zeek NetControl catch-and-release, <c>catch_release_intervals</c>):
/// the n-th action of a kind against the same target, each within <see cref="WatchPeriod"/> of the end of the last, lasts
/// <see cref="Intervals"/>[n − 1] (the last interval repeats), and never less than its ladder step's duration.
/// Only revertible kinds on steps with a duration escalate. Proposed config key: <c>response.escalation</c>
/// (docs/policies-and-windows.md); until it exists, hosts pass these options.
/// </summary>
public sealed record EscalationOptions
{
    /// <summary>Zeek's defaults: 10 min → 1 h → 24 h → 7 d, watched for 7 days.</summary>
    public static EscalationOptions Default { get; } = new();

    /// <summary>No escalation: every action lasts its step's duration. The engine's default until configured.</summary>
    public static EscalationOptions Off { get; } = new() { Enabled = false };

    /// <summary>Whether durations escalate. The default value is true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The duration of the first, second, third… offence. The default value is 10 min, 1 h, 24 h, 7 d.</summary>
    public IReadOnlyList<TimeSpan> Intervals { get; init; } =
        [TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7)];

    /// <summary>How long after an action ends a new offence counts as a repeat. The default value is 7 days.</summary>
    public TimeSpan WatchPeriod { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Problems with these options, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Enabled && Intervals.Count == 0) problems.Add("escalation: intervals must not be empty");
        if (Intervals.Any(i => i <= TimeSpan.Zero)) problems.Add("escalation: every interval must be positive");
        if (Intervals.Zip(Intervals.Skip(1)).Any(p => p.Second < p.First)) problems.Add("escalation: intervals must not decrease");
        if (WatchPeriod <= TimeSpan.Zero) problems.Add("escalation: watch period must be positive");
        return problems;
    }
}
