namespace AutoRespond.Brain.Statistics;

/// <summary>
/// Counts per window with a Gamma(α, β) prior on the Poisson rate: after Σx events in T windows the
/// posterior is Gamma(α + Σx, β + T) and the next window's count is negative binomial with
/// r = α + Σx and p = (β + T) / (β + T + 1). <see cref="UpperTail"/> is P(X ≥ x) under that predictive.
/// </summary>
public static class GammaPoisson
{
    public static double UpperTail(double alpha, double beta, int x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beta);
        if (x <= 0) return 1;
        double logP = Math.Log(beta / (beta + 1));
        double logQ = Math.Log(1 / (beta + 1));
        // P(X = k) = Γ(k + α) / (Γ(α) k!) p^α q^k, built iteratively: P(k+1)/P(k) = (k + α) q / (k + 1).
        double logPk = alpha * logP;
        double cdf = 0;
        for (int k = 0; k < x; k++)
        {
            cdf += Math.Exp(logPk);
            logPk += Math.Log((k + alpha) / (k + 1)) + logQ;
        }
        double tail = 1 - cdf;
        if (tail > 1e-6) return tail;
        // Near 1 − cdf cancels; sum the tail directly instead (terms shrink geometrically past the mode).
        double sum = 0;
        for (int k = x; k < x + 10_000; k++)
        {
            double term = Math.Exp(logPk);
            sum += term;
            if (term < sum * 1e-15) break;
            logPk += Math.Log((k + alpha) / (k + 1)) + logQ;
        }
        return Math.Min(1, sum);
    }

    /// <summary>Posterior mean rate per window.</summary>
    public static double Mean(double alpha, double beta) => alpha / beta;
}
