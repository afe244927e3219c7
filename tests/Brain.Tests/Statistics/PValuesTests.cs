using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class PValuesTests
{
    [Fact]
    public void ChiSquareSurvivalEven_ClosedForm_MatchesHandValues()
    {
        // df = 2: e^(−x/2); df = 4: e^(−x/2)(1 + x/2).
        PValues.ChiSquareSurvivalEven(2, 2).ShouldBe(Math.Exp(-1), 1e-12);
        PValues.ChiSquareSurvivalEven(4, 4).ShouldBe(3 * Math.Exp(-2), 1e-12);
        PValues.ChiSquareSurvivalEven(0, 6).ShouldBe(1);
    }

    [Fact]
    public void ChiSquareSurvivalEven_OddDegrees_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PValues.ChiSquareSurvivalEven(1, 3));

    [Fact]
    public void Fisher_TwoFivePercent_IsAboutOnePointSevenPercent()
    {
        // X = −4 ln 0.05 = 11.9829; P(χ²(4) ≥ X) = e^(−5.9915)(1 + 5.9915) = 0.0174787.
        PValues.Fisher([0.05, 0.05]).ShouldBe(0.0174787, 1e-6);
    }

    [Fact]
    public void Fisher_ThreeFeatures_MatchesHandValue()
    {
        // X = −2(ln 0.01 + ln 0.5 + ln 0.2) = 13.8155; χ²(6): e^(−X/2)(1 + X/2 + (X/2)²/2) = 0.0317663.
        PValues.Fisher([0.01, 0.5, 0.2]).ShouldBe(0.0317663, 1e-6);
    }

    [Fact]
    public void Fisher_AllOnes_IsOne() => PValues.Fisher([1, 1, 1]).ShouldBe(1, 1e-12);

    [Fact]
    public void HarmonicMean_OneSmallValue_IsAboutKTimesIt()
    {
        // 2 / (1/0.01 + 1/1) = 2/101.
        PValues.HarmonicMean([0.01, 1]).ShouldBe(2.0 / 101, 1e-12);
        PValues.HarmonicMean([0.3, 0.3, 0.3]).ShouldBe(0.3, 1e-12);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.96, 0.0249979)]
    [InlineData(3, 0.0013499)]
    [InlineData(-1, 0.8413447)]
    public void NormalUpperTail_KnownQuantiles(double z, double expected) =>
        PValues.NormalUpperTail(z).ShouldBe(expected, 1e-6);
}
