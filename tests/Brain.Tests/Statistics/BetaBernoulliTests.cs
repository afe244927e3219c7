using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class BetaBernoulliTests
{
    [Fact]
    public void Predictive_TenPseudoObservations_AtGroupRate()
    {
        // a = 10·0.1 + 2 = 3, b = 10·0.9 + 8 = 17: P = 3/20.
        BetaBernoulli.Predictive(2, 10, 0.1).ShouldBe(0.15, 1e-12);
        // No data: the group rate itself.
        BetaBernoulli.Predictive(0, 0, 0.03).ShouldBe(0.03, 1e-12);
    }

    [Fact]
    public void Jeffreys_NeverZeroOrOne()
    {
        BetaBernoulli.Jeffreys(0, 10).ShouldBe(0.5 / 11, 1e-12);
        BetaBernoulli.Jeffreys(10, 10).ShouldBe(10.5 / 11, 1e-12);
    }

    [Fact]
    public void BernoulliTable_DecaysWithHalfLife()
    {
        var table = new BernoulliTable();
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var halfLife = TimeSpan.FromDays(14);
        for (int i = 0; i < 4; i++) table.Add("d", i == 0, t0, halfLife);
        table.Get("d", t0, halfLife).ShouldBe((1.0, 4.0));
        var (x, n) = table.Get("d", t0.AddDays(14), halfLife);
        x.ShouldBe(0.5, 1e-9);
        n.ShouldBe(2, 1e-9);
    }
}
