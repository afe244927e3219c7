namespace AutoRespond.Brain.Statistics;

/// <summary>
/// The 0..1 score convention of DETECTION.md §2.0: the tail probability π of an observation under its
/// model, corrected for the number m of comparable events a subject produces per day (Šidák):
/// s = (1 − π)^m. A model breaches when s ≥ 0.5, i.e. when π ≲ 0.69 / m.
/// </summary>
public static class Scoring
{
    public const double BreachThreshold = 0.5;

    public static double Sidak(double pi, double m)
    {
        if (double.IsNaN(pi) || pi >= 1) return 0;
        if (pi <= 0) return 1;
        return pi < 1e-8 ? Math.Exp(-m * pi) : Math.Exp(m * Math.Log(1 - pi));
    }

    /// <summary>Formats a probability for a summary sentence: "p = 0.003", "p < 1e-9".</summary>
    public static string FormatP(double p) => p switch
    {
        < 1e-9 => "p < 1e-9",
        < 0.001 => FormattableString.Invariant($"p = {p:0.0e+0}"),
        _ => FormattableString.Invariant($"p = {p:0.###}"),
    };
}
