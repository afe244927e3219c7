using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class ExternalRarityTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ExternalRarity WithDevices(int n)
    {
        var rarity = new ExternalRarity();
        for (int i = 0; i < n; i++) rarity.Active($"d{i}", T);
        return rarity;
    }

    [Fact]
    public void Assess_NeverContacted_IsNewForOrgWithJeffreysProbability()
    {
        var rarity = WithDevices(199);
        var r = rarity.Assess("d0", T, ExternalRarity.IpKey("203.0.113.5"));
        r.K.ShouldBe(0);
        r.N.ShouldBe(199);
        r.IsNewForOrg.ShouldBeTrue();
        r.P.ShouldBe(0.5 / 200, 1e-12);
    }

    [Fact]
    public void Assess_RareUpToOnePercentOfDevices_ExcludingTheSubject()
    {
        var rarity = WithDevices(200);
        string key = ExternalRarity.IpKey("203.0.113.5");
        foreach (string d in (string[])["d0", "d1", "d2"]) rarity.Contact(key, d, T);
        // Subject d0 excluded: k = 2 ≤ max(1, ⌊0.01·200⌋) = 2.
        var r = rarity.Assess("d0", T, key);
        (r.K, r.IsRare, r.IsNewForOrg).ShouldBe((2, true, false));
        r.P.ShouldBe(2.5 / 201, 1e-12);
        rarity.Contact(key, "d3", T);
        rarity.Assess("d0", T, key).IsRare.ShouldBeFalse();
    }

    [Fact]
    public void Assess_LeastRareKeyWins()
    {
        var rarity = WithDevices(20);
        var ipKey = ExternalRarity.IpKey("198.51.100.77");
        string net = rarity.NetworkKey("198.51.100.77");
        net.ShouldBe("net:198.51.100");
        for (int i = 1; i <= 5; i++) rarity.Contact(rarity.NetworkKey("198.51.100.10"), $"d{i}", T);
        var r = rarity.Assess("d0", T, ipKey, net);
        (r.Key, r.K, r.IsRare).ShouldBe((net, 5, false));
    }

    [Fact]
    public void Contacted_ForgetsAfterThirtyDays()
    {
        var rarity = WithDevices(2);
        rarity.Contact("ip:x", "d0", T);
        rarity.Contacted("ip:x", "d0", T.AddDays(29)).ShouldBeTrue();
        rarity.Contacted("ip:x", "d0", T.AddDays(31)).ShouldBeFalse();
        rarity.OtherDevices("ip:x", "d1", T.AddDays(31)).ShouldBe(0);
    }
}
