using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class RatesAndVolumesTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PerDay_YoungSubject_ExtrapolatesItsAge() => Rates.PerDay(10, TimeSpan.FromHours(12), TimeSpan.FromDays(14)).ShouldBe(20, 1e-9);

    [Fact]
    public void PerDay_MinutesOld_CountsAsAnHour() => Rates.PerDay(2, TimeSpan.FromMinutes(5), TimeSpan.FromDays(14)).ShouldBe(48, 1e-9);

    [Fact]
    public void PerDay_OldSubject_DividesByDecayHorizon() =>
        // A decayed count of a steady rate r converges to r·H/ln 2 = r·20.2 days.
        Rates.PerDay(100, TimeSpan.FromDays(100), TimeSpan.FromDays(14)).ShouldBe(100 * Math.Log(2) / 14, 1e-9);

    [Fact]
    public void PerDay_NeverBelowOne() => Rates.PerDay(0, TimeSpan.FromDays(3), TimeSpan.FromDays(14)).ShouldBe(1);

    [Fact]
    public void LogNormal_MomentsAndShrinkage()
    {
        var stats = new LogNormalStats();
        var h = TimeSpan.FromDays(14);
        stats.Add(Math.Exp(2), T, h);
        stats.Add(Math.Exp(4), T, h);
        var own = stats.Moments(T, h);
        own.Weight.ShouldBe(2, 1e-9);
        own.Mean.ShouldBe(3, 1e-9);
        own.Variance.ShouldBe(1, 1e-9);
        // Pooled with a parent N(5, 1) worth 2 observations: mean 4, second moment (2·10 + 2·26)/4 = 18, variance 2.
        var (mean, variance) = LogNormalStats.Shrink(own, 5, 1, 2);
        mean.ShouldBe(4, 1e-9);
        variance.ShouldBe(2, 1e-9);
        // Predictive σ = √2 · √(1 + 1/4).
        LogNormalStats.Predictive(own, 5, 1, 2, 0.1).Sigma.ShouldBe(Math.Sqrt(2) * Math.Sqrt(1.25), 1e-9);
    }

    [Fact]
    public void WindowedRate_PosteriorUsesGroupPriorAndOwnWindows()
    {
        var rate = new WindowedRate(TimeSpan.FromMinutes(10));
        var h = TimeSpan.FromDays(100_000); // no decay within the test
        // Three closed windows for device a with 2, 0, 4 items: group rate (6 + 1)/(3 + 1) = 1.75.
        int[] counts = [2, 0, 4];
        for (int w = 0; w < counts.Length; w++)
        {
            var at = T.AddMinutes(10 * w);
            rate.Roll("a", "zone", at, h);
            for (int i = 0; i < counts[w]; i++) rate.Add("a", $"t{w}-{i}", at);
        }
        rate.Roll("a", "zone", T.AddMinutes(30), h);
        var (alpha, beta) = rate.Posterior("a", "zone", 1, 2, T.AddMinutes(30), h);
        alpha.ShouldBe(2 * 1.75 + 6, 1e-5);
        beta.ShouldBe(2 + 3, 1e-5);
        // A device without history borrows the group rate only.
        var (a0, b0) = rate.Posterior("b", "zone", 1, 2, T.AddMinutes(30), h);
        a0.ShouldBe(3.5, 1e-5);
        b0.ShouldBe(2);
    }
}
