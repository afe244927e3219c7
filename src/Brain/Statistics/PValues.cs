namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Combining the tail probabilities of several features of one observation (DETECTION.md §2.0):
/// Fisher's method for independent features, the harmonic-mean p-value (Wilson 2019) for dependent ones,
/// and the normal upper tail the log-normal volume model needs.
/// </summary>
public static class PValues
{
    /// <summary>Fisher: X = −2 Σ ln πⱼ ~ χ²(2k) under the null; returns P(χ²(2k) ≥ X).</summary>
    public static double Fisher(ReadOnlySpan<double> ps)
    {
        if (ps.Length == 0) return 1;
        double x = 0;
        foreach (double p in ps) x -= 2 * Math.Log(Math.Clamp(p, 1e-300, 1));
        return ChiSquareSurvivalEven(x, 2 * ps.Length);
    }

    /// <summary>
    /// P(χ²(df) ≥ x) for even df = 2k in closed form: e^(−x/2) Σ_{i&lt;k} (x/2)^i / i!.
    /// </summary>
    public static double ChiSquareSurvivalEven(double x, int df)
    {
        if (df <= 0 || df % 2 != 0) throw new ArgumentOutOfRangeException(nameof(df), df, "degrees of freedom must be even and positive");
        if (x <= 0) return 1;
        double half = x / 2, term = 1, sum = 1;
        for (int i = 1; i < df / 2; i++)
        {
            term *= half / i;
            sum += term;
        }
        return Math.Min(1, Math.Exp(-half) * sum);
    }

    /// <summary>The equally weighted harmonic mean k / Σ 1/πⱼ, capped at 1; valid under dependence for small values.</summary>
    public static double HarmonicMean(ReadOnlySpan<double> ps)
    {
        if (ps.Length == 0) return 1;
        double sum = 0;
        foreach (double p in ps) sum += 1 / Math.Clamp(p, 1e-300, 1);
        return Math.Min(1, ps.Length / sum);
    }

    /// <summary>P(Z ≥ z) for a standard normal Z.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
