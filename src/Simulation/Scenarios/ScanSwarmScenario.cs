using System.Globalization;
using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// Many incidents for load and fault tests: after a day of office and plant traffic, <see cref="Attackers"/> new laptops
/// join the office VLAN one after another (about a minute apart) and each SYN-scans the plant on 102 and 502.
/// Every laptop is its own incident (new device, failed connections to ICS devices, scanning).
/// </summary>
public sealed class ScanSwarmScenario : Scenario
{
    public const int Attackers = 40;

    /// <summary>The first laptop joins in the 10 minutes after this time; the background is counted back from it.</summary>
    public static readonly DateTimeOffset SwarmStart = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    public override string Name => "scan-swarm";

    public override string Description =>
        $"≥ 25 h of office and plant traffic, then {Attackers} new laptops, a minute apart, each SYN-scan the plant on 102 and 502 ({Attackers} incidents; load and fault tests)";

    public override string Config => "# autorespond simulate scan-swarm: two zones, 24 h of learning, dry-run response.\n" + PlantConfig.Network;

    public override TimeSpan DefaultBackground => TimeSpan.FromHours(25);

    public override string BackgroundMeaning => "hours of office and plant traffic before the first laptop";

    /// <summary>The address of laptop <paramref name="i"/> (0-based): 10.10.0.100 onwards.</summary>
    public static string AttackerIp(int i) => $"10.10.0.{100 + i}";

    private protected override (DateTimeOffset Start, DateTimeOffset End) Build(Simulator sim, Timeline timeline, TimeSpan background)
    {
        var site = new PlantSite(sim);
        var start = SwarmStart - background;
        var first = SwarmStart + sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var t = first;
        for (int i = 0; i < Attackers; i++)
        {
            var laptop = SimHost.Internal($"LAPTOP-{i:00}", AttackerIp(i), string.Create(CultureInfo.InvariantCulture, $"02:5a:00:00:00:{i + 1:x2}"), PlantSite.ComputingVlan);
            var joinAt = t;
            sim.At(joinAt, () => Scan(sim, site, timeline, laptop));
            t += sim.Between(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(90));
        }
        var end = t + TimeSpan.FromMinutes(10);
        var plant = new PlantOperations(site);
        var office = new OfficeWorkers(site, IcsSabotageScenario.Shares);
        office.PlanPrinterOutages(start, end);
        office.Schedule(site.Pcs, start, end);
        plant.Schedule(start, end);
        timeline.Mark("swarm", first, t, $"{Attackers} laptops scan the plant");
        return (start, end);
    }

    private static void Scan(Simulator sim, PlantSite site, Timeline timeline, SimHost laptop)
    {
        var t = site.Dhcp.Join(laptop, sim.Now) + TimeSpan.FromSeconds(5);
        var probes = Enumerable.Range(1, 30).SelectMany(h => new[] { (Host: h, Port: S7.Port), (Host: h, Port: Modbus.Port) }).ToArray();
        sim.Random.Shuffle(probes);
        ushort sourcePort = (ushort)sim.Random.Next(40000, 65000);
        var begin = t;
        foreach (var (host, port) in probes)
        {
            var target = site.IndustrialHosts.FirstOrDefault(h => h.Ip == $"10.20.0.{host}")
                ?? SimHost.Internal($"10.20.0.{host}", $"10.20.0.{host}", "00:00:00:00:00:00", PlantSite.IndustrialVlan);
            var probe = sim.Tcp(laptop, target, port, clientPort: sourcePort).At(t);
            bool open = port == S7.Port ? site.S7Plcs.Any(p => p.Host == target) : site.ModbusPlcs.Any(p => p.Host == target);
            if (open) probe.HalfOpen();
            else if (target.Mac.IsZero) probe.Unanswered(retries: 1);
            else probe.Rejected();
            t += TimeSpan.FromMilliseconds(sim.Random.Next(8, 60));
        }
        timeline.Mark("scan", begin, t, $"{laptop.Name} ({laptop.Ip}) scans 10.20.0.1-30 on 102 and 502");
    }
}
