namespace AutoRespond.Brain.Statistics;

/// <summary>Events per day from a decayed count, for the Šidák m of a subject (DETECTION.md §2.0).</summary>
public static class Rates
{
    /// <summary>
    /// A decayed count of events with half-life H converges to rate · H / ln 2; a subject observed for less
    /// than that has seen rate · age. So rate/day = count / min(max(age, 1 h), H / ln 2), and never below 1
    /// (an hour at least, so that a few minutes of activity do not extrapolate wildly).
    /// </summary>
    public static double PerDay(double decayedCount, TimeSpan observed, TimeSpan halfLife)
    {
        double horizon = halfLife.TotalDays / Math.Log(2);
        double days = Math.Min(Math.Max(observed.TotalDays, 1.0 / 24), horizon);
        return Math.Max(1, decayedCount / days);
    }
}
