using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// Three ordinary days on the office + plant network, no attack: the false-positive check. On the second day a
/// new laptop joins and behaves like its colleagues; nightly backups move tens of MB; PCs fetch definition updates from WSUS every day;
/// the printer is off now and then; the HMI polls the PLCs throughout.
/// </summary>
public sealed class BenignOfficeScenario : Scenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 9, 0, 0, 0, TimeSpan.Zero);

    public const string NewLaptopIp = "10.10.0.67";

    public override string Name => "benign-office";

    public override string Description =>
        "72 h of the same office and plant without an attack: a new laptop doing normal work, nightly backups, daily WSUS updates, printer outages, HMI polling";

    public override string Config => "# autorespond simulate benign-office: the ics-sabotage network; nothing here should breach.\n"
        + PlantConfig.Network;

    public override TimeSpan DefaultBackground => TimeSpan.FromHours(72);

    public override string BackgroundMeaning => "hours of traffic in total";

    private protected override (DateTimeOffset Start, DateTimeOffset End) Build(Simulator sim, Timeline timeline, TimeSpan background)
    {
        var site = new PlantSite(sim);
        var end = Start + background;
        var office = new OfficeWorkers(site, IcsSabotageScenario.Shares);
        office.PlanPrinterOutages(Start, end);
        office.Schedule(site.Pcs, Start, end);
        new PlantOperations(site).Schedule(Start, end);
        new Maintenance(site).Schedule(Start, end);

        var laptop = SimHost.Internal("LT-SALES-11", NewLaptopIp, "f8:bc:12:4e:3b:9d", PlantSite.ComputingVlan);
        var joins = Start.AddDays(1) + TimeSpan.FromHours(9) + sim.Between(TimeSpan.Zero, TimeSpan.FromHours(2));
        if (joins < end)
        {
            var leaves = joins.Date.AddHours(17) + sim.Between(TimeSpan.Zero, TimeSpan.FromHours(1));
            office.Newcomer(laptop, joins, new DateTimeOffset(leaves, TimeSpan.Zero));
            office.Schedule([laptop], new DateTimeOffset(joins.Date.AddDays(1), TimeSpan.Zero), end);
            timeline.Mark("new-laptop", joins, joins + TimeSpan.FromSeconds(1), $"{laptop} joins by DHCP and works like its colleagues");
        }
        return (Start, end);
    }
}
