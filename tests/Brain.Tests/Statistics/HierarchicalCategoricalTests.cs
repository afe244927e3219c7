using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class HierarchicalCategoricalTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan H = TimeSpan.FromDays(14);
    private const string Zone = "z:Office";

    /// <summary>d1 saw a×3, b×1; d2 saw c×4; both in one zone, so zone = organisation = {a:3, b:1, c:4}.</summary>
    private static HierarchicalCategorical<string> Fixture()
    {
        var h = new HierarchicalCategorical<string>(v => v, k => k);
        foreach (string v in (string[])["a", "a", "a", "b"]) h.Add("d1", Zone, v, T, H);
        for (int i = 0; i < 4; i++) h.Add("d2", Zone, "c", T, H);
        return h;
    }

    [Fact]
    public void Predictive_BacksOffDeviceZoneOrganisation_LeavingTheDeviceOut()
    {
        // Without d1's own counts zone = organisation = {c:4}: P(a|org) = (0 + 2·0.1)/(4 + 2) = 1/30;
        // P(a|zone) = (0 + 2/30)/6 = 1/90; P(a|d1) = (3 + 2/90)/(4 + 2) = 0.503704.
        Fixture().Predictive("d1", Zone, "a", 0.1, T, H).ShouldBe((3 + 2.0 / 90) / 6, 1e-9);
        // A device with no data inherits its zone: P(a|org) = (3 + 0.2)/10 = 0.32, P(a|zone) = (3 + 0.64)/10 = 0.364.
        Fixture().Predictive("d3", Zone, "a", 0.1, T, H).ShouldBe(0.364, 1e-9);
    }

    [Fact]
    public void Tail_KnownValue_IsMassAtMostAsFrequentPlusUnseenMass()
    {
        var h = Fixture();
        // b at d1: (n_b + β)/(n + β) = (1 + 2)/(4 + 2).
        h.Tail("d1", Zone, "b", T, H).ShouldBe(0.5, 1e-12);
        // a at d1: everything is at most as frequent: 1.
        h.Tail("d1", Zone, "a", T, H).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Tail_NewForDevice_MultipliesNoveltyByTheTailAmongItsPeers()
    {
        var h = Fixture();
        // b for d2: β/(n_d2 + β) = 2/6, times the tail of b in the zone without d2 ({a:3, b:1}): (1 + 2)/(4 + 2).
        h.Tail("d2", Zone, "b", T, H).ShouldBe(2.0 / 6 * 0.5, 1e-12);
        // c for d1: 2/6 × the tail of c among d1's peers ({c:4}): 1.
        h.Tail("d1", Zone, "c", T, H).ShouldBe(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Tail_UnknownEverywhere_IsProductOfNoveltyMasses()
    {
        // New for d1 (2/6), for its peers in the zone ({c:4}: 2/6) and in the organisation (2/6).
        Fixture().Tail("d1", Zone, "zzz", T, H).ShouldBe(1.0 / 27, 1e-12);
        // With no data anywhere nothing is surprising.
        new HierarchicalCategorical<string>(v => v, k => k).Tail("d", Zone, "x", T, H).ShouldBe(1);
    }

    [Fact]
    public void Tail_OnlyTheDeviceHasData_CountsItsHistoryOnce()
    {
        // A jump host with 10 sessions to two servers, alone in its zone: a third server is new for it (2/12) and
        // its peers know nothing (1), not (2/12)³.
        var h = new HierarchicalCategorical<string>(v => v, k => k);
        for (int i = 0; i < 10; i++) h.Add("jump", Zone, i % 2 == 0 ? "s1" : "s2", T, H);
        h.Tail("jump", Zone, "s3", T, H).ShouldBe(2.0 / 12, 1e-12);
    }

    [Fact]
    public void Add_WithDedupe_CountsAValueOncePerPeriod()
    {
        var h = new HierarchicalCategorical<string>(v => v, k => k);
        for (int i = 0; i < 60; i++) h.Add("d", Zone, "v", T.AddMinutes(i), H, TimeSpan.FromHours(1));
        h.Add("d", Zone, "v", T.AddMinutes(61), H, TimeSpan.FromHours(1));
        h.Counts.Total("d", T.AddMinutes(61), H).ShouldBe(2, 0.01);
        h.Counts.Total(HierarchicalCategorical<string>.Organisation, T.AddMinutes(61), H).ShouldBe(2, 0.01);
    }

    [Fact]
    public void IsNew_AfterOneHalfLife_ASingleObservationIsNewAgain()
    {
        var h = new HierarchicalCategorical<string>(v => v, k => k);
        h.Add("d", Zone, "v", T, H);
        h.IsNew("d", "v", T.AddDays(13), H).ShouldBeFalse();
        h.IsNew("d", "v", T.AddDays(15), H).ShouldBeTrue();
    }
}
