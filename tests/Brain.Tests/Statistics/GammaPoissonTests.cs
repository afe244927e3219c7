using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class GammaPoissonTests
{
    [Fact]
    public void UpperTail_AlphaOne_IsGeometric()
    {
        // r = 1: the predictive is geometric with p = β/(β+1), so P(X ≥ x) = (1/(β+1))^x.
        GammaPoisson.UpperTail(1, 1, 3).ShouldBe(Math.Pow(0.5, 3), 1e-12);
        GammaPoisson.UpperTail(1, 3, 5).ShouldBe(Math.Pow(0.25, 5), 1e-12);
    }

    [Fact]
    public void UpperTail_ZeroObserved_IsOne() => GammaPoisson.UpperTail(2, 2, 0).ShouldBe(1);

    [Fact]
    public void UpperTail_FarTail_StaysPositiveAndTiny()
    {
        // No cancellation to 0 where the tail is still representable (1 − cdf would give 0 here) …
        double tail = GammaPoisson.UpperTail(2, 2, 300);
        tail.ShouldBeGreaterThan(0);
        tail.ShouldBeLessThan(1e-130);
        // … and an underflow beyond double range is 0, never negative or NaN.
        GammaPoisson.UpperTail(2, 2, 1000).ShouldBeInRange(0, 1e-300);
    }

    [Fact]
    public void UpperTail_MatchesDirectNegativeBinomialSum()
    {
        // r = 2.5, p = 0.6: P(X = k) = Γ(k + r)/(Γ(r) k!) p^r (1 − p)^k, summed up to x − 1.
        double r = 2.5, beta = 1.5, p = beta / (beta + 1);
        double cdf = 0;
        for (int k = 0; k < 4; k++)
            cdf += Math.Exp(LogGamma(k + r) - LogGamma(r) - LogGamma(k + 1) + r * Math.Log(p) + k * Math.Log(1 - p));
        GammaPoisson.UpperTail(r, beta, 4).ShouldBe(1 - cdf, 1e-9);
    }

    [Fact]
    public void Sidak_SmallTail_ScalesWithComparisons()
    {
        Scoring.Sidak(0.001, 144).ShouldBe(Math.Pow(0.999, 144), 1e-12);
        Scoring.Sidak(0.01, 144).ShouldBeLessThan(Scoring.BreachThreshold);
        Scoring.Sidak(1e-6, 144).ShouldBeGreaterThan(0.99);
    }

    // Lanczos approximation, good to ~1e-13 for the arguments used here.
    private static double LogGamma(double x)
    {
        double[] g = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        double a = 0.99999999999980993;
        double t = x + 7.5;
        for (int i = 0; i < 8; i++) a += g[i] / (x + i + 1);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
