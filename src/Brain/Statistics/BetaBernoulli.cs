namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Binary features (DETECTION.md §2.0): a Beta prior worth κ pseudo-observations at the group rate p_g,
/// a = κ·p_g + x, b = κ·(1 − p_g) + n − x; the predictive P(next = 1) = a / (a + b).
/// </summary>
public static class BetaBernoulli
{
    public const double DefaultKappa = 10;

    /// <summary>P(next observation is a success) after <paramref name="successes"/> of <paramref name="trials"/>.</summary>
    public static double Predictive(double successes, double trials, double groupRate, double kappa = DefaultKappa)
    {
        double a = kappa * groupRate + successes;
        double b = kappa * (1 - groupRate) + Math.Max(0, trials - successes);
        return a + b <= 0 ? groupRate : a / (a + b);
    }

    /// <summary>A group rate with Jeffreys smoothing, (x + ½) / (n + 1): never 0 or 1.</summary>
    public static double Jeffreys(double successes, double trials) => (successes + 0.5) / (trials + 1);
}
