using AutoRespond.Brain.Correlation;
using AutoRespond.Brain.Devices;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Correlation;

public sealed class IncidentCorrelatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly IncidentCorrelator _correlator = new(new BrainOptions(), new DeviceRegistry(NetworkConfig.Default));

    [Fact]
    public void Add_SameDeviceWithinSixHours_GrowsOneIncident()
    {
        var first = _correlator.Add(B("10.0.0.1", ModelIds.UnusualAdminRdp, 0));
        var second = _correlator.Add(B("10.0.0.1", ModelIds.MultipleFailedInternalConnections, 300));
        second.Id.ShouldBe(first.Id);
        second.Revision.ShouldBe(2);
        second.Models.ShouldBe([ModelIds.UnusualAdminRdp, ModelIds.MultipleFailedInternalConnections]);
        second.Score.ShouldBeGreaterThan(first.Score);
        second.Category.ShouldBe("reconnaissance");
        second.Attack.ShouldContain("T1046");
    }

    [Fact]
    public void Add_SameDeviceAfterLinkWindow_OpensNewIncident()
    {
        var first = _correlator.Add(B("10.0.0.1", ModelIds.UnusualAdminRdp, 0));
        _correlator.Add(B("10.0.0.1", ModelIds.UnusualAdminRdp, 7 * 60)).Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public void Add_PeerOfEarlierBreach_JoinsItsIncident()
    {
        var rdp = _correlator.Add(B("10.0.0.1", ModelIds.UnusualAdminRdp, 0, peers: ["10.0.0.9"]));
        _correlator.Add(B("10.0.0.9", ModelIds.NewIcsDiscoverCommands, 30)).Id.ShouldBe(rdp.Id);
        _correlator.Add(B("10.0.0.3", ModelIds.NewIcsDiscoverCommands, 31)).Id.ShouldNotBe(rdp.Id);
    }

    [Fact]
    public void Categorize_FurthestStageWins()
    {
        IncidentCorrelator.Categorize([ModelIds.MultipleFailedInternalConnections, ModelIds.UncommonIcsReprogram]).ShouldBe("ics-sabotage");
        IncidentCorrelator.Categorize([ModelIds.NewIcsDiscoverCommands]).ShouldBe("ics-reconnaissance");
        IncidentCorrelator.Categorize([ModelIds.SslNoSniNewExternal]).ShouldBe("command-and-control");
        IncidentCorrelator.Categorize([ModelIds.ShadowAiUsage, ModelIds.AiDataUpload]).ShouldBe("shadow-ai");
        IncidentCorrelator.Categorize([ModelIds.ShadowAiUsage, ModelIds.SslNoSniNewExternal]).ShouldBe("command-and-control");
    }

    private static Breach B(string device, string model, int minutes, string[]? peers = null) =>
        new($"b-{device}-{minutes}", model, T0.AddMinutes(minutes), new DeviceRef(device), 0.7, "s",
            new Dictionary<string, object>(), peers ?? []);
}
