using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// The reference incident: two days of an office ("Computing", VLAN 10) and a plant ("Industrial", VLAN 20) at
/// work, then on Wednesday morning a new laptop runs the attack of <see cref="IcsSabotageAttack"/>.
/// </summary>
public sealed class IcsSabotageScenario : Scenario
{
    /// <summary>The attack starts in the 45 minutes after this time; the background is counted back from it.</summary>
    public static readonly DateTimeOffset AttackWindow = new(2026, 11, 4, 8, 30, 0, TimeSpan.Zero);

    public const string AttackerIp = IcsSabotageAttack.LaptopIp;

    public override string Name => "ics-sabotage";

    public override string Description =>
        "≥ 48 h of office (VLAN 10) and plant (VLAN 20) traffic, then a new laptop: admin RDP to WinCC, OT scan, TLS C2 without SNI, S7/Modbus discovery, writes, program download, PLC stop";

    public override string Config => "# autorespond simulate ics-sabotage: two zones, a protected PLC, 24 h of learning, dry-run response.\n"
        + PlantConfig.Network;

    public override TimeSpan DefaultBackground => TimeSpan.FromHours(50);

    public override string BackgroundMeaning => "hours of office and plant traffic before the attack";

    private protected override (DateTimeOffset Start, DateTimeOffset End) Build(Simulator sim, Timeline timeline, TimeSpan background)
    {
        var site = new PlantSite(sim);
        var start = AttackWindow - background;
        var attackStart = AttackWindow + sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(45));
        var plant = new PlantOperations(site);
        var attack = new IcsSabotageAttack(site, plant, timeline);
        var attackEnd = attack.Schedule(attackStart);
        var end = attackEnd + sim.Between(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60));
        var office = new OfficeWorkers(site, Shares);
        office.PlanPrinterOutages(start, end);
        office.Schedule(site.Pcs, start, end);
        plant.Schedule(start, end);
        timeline.Mark("attack", attackStart, attackEnd, $"the attack by {attack.Laptop}");
        return (start, end);
    }

    internal static readonly string[] Shares = [@"\\FS01\Projects", @"\\FS01\Finance", @"\\FS01\Users"];
}
