using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Escalation;

/// <summary>
/// Who has been actioned, when, and with what: the memory behind escalating durations, keyed by
/// (target, kind). An offender stays watched for the watch period after its last action ends (Zeek's
/// catch-and-release watches after the release). In memory, like Zeek's; event time, like the rest of the engine.
/// </summary>
public sealed class OffenderHistory(EscalationOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Target, string Kind), List<(DateTimeOffset Time, DateTimeOffset WatchedUntil)>> _offences = [];

    public EscalationOptions Options => options;

    /// <summary>Earlier offences of this kind by this target, while the latest is still watched at <paramref name="time"/>.</summary>
    public int PriorOffences(string target, string kind, DateTimeOffset time)
    {
        lock (_lock)
        {
            if (!_offences.TryGetValue((target, kind), out var offences)) return 0;
            // Like Zeek's table with a read expiry: the whole record lives while its latest offence is watched.
            if (offences.TrueForAll(o => o.WatchedUntil <= time)) offences.Clear();
            return offences.Count(o => o.Time < time);
        }
    }

    /// <summary>
    /// Remembers an action that took effect at <paramref name="time"/>; the target stays watched for the watch
    /// period after the action ends (<paramref name="ends"/>, or its start when it does not expire).
    /// </summary>
    public void Record(string target, string kind, DateTimeOffset time, DateTimeOffset? ends = null)
    {
        lock (_lock)
        {
            if (!_offences.TryGetValue((target, kind), out var offences)) _offences[(target, kind)] = offences = [];
            offences.Add((time, (ends ?? time) + options.WatchPeriod));
        }
    }

    /// <summary>The action with its duration escalated for a repeat offender, or unchanged.</summary>
    public PlannedAction Escalate(PlannedAction action)
    {
        if (!options.Enabled || options.Intervals.Count == 0 || action.Duration is not { } stepDuration
            || !ActionKinds.IsRevertible(action.Kind) || action.Kind == ActionKinds.Ticket)
            return action;
        int prior = PriorOffences(action.Target, action.Kind, action.Time);
        var interval = options.Intervals[Math.Min(prior, options.Intervals.Count - 1)];
        if (interval <= stepDuration) return action;
        return action with
        {
            Duration = interval,
            Escalation = $"offence {prior + 1} of {action.Kind} by {action.Target} within {ChangeWindowText.Span(options.WatchPeriod)}: "
                + $"duration escalated from {ChangeWindowText.Span(stepDuration)} to {ChangeWindowText.Span(interval)}",
        };
    }
}

internal static class ChangeWindowText
{
    public static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays == Math.Floor(span.TotalDays) => $"{(int)span.TotalDays}d",
        { TotalHours: >= 1 } when span.TotalHours == Math.Floor(span.TotalHours) => $"{(int)span.TotalHours}h",
        { TotalMinutes: >= 1 } when span.TotalMinutes == Math.Floor(span.TotalMinutes) => $"{(int)span.TotalMinutes}m",
        _ => $"{(int)span.TotalSeconds}s",
    };
}
