using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// The counter-story (ARCHITECTURE.md): an admin server pushes an EHR upgrade to both EHR servers (tens of MB over
/// SMB) and opens administrator RDP sessions to them. It happens twice: on Saturday 2026-12-05 between 22:00 and
/// 04:00 UTC, inside the change window of <see cref="Config"/>, and on Monday night outside any window.
/// </summary>
public sealed class EhrUpgradeScenario : Scenario
{
    public static readonly DateTimeOffset WindowStart = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset WindowEnd = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondNight = new(2026, 12, 7, 22, 30, 0, TimeSpan.Zero);

    public const string AdminIp = "10.30.0.5";

    public override string Name => "ehr-upgrade";

    public override string Description =>
        "a hospital VLAN where an admin server pushes an EHR upgrade and RDPs to the EHR servers twice: 2026-12-05 22:00-04:00 UTC (in a change window) and 2026-12-07 night (outside)";

    public override string Config => """
        # autorespond simulate ehr-upgrade: one clinical zone and the change window covering the first upgrade
        # (2026-12-05 22:00 to 04:00 UTC). The second upgrade, on 2026-12-07 at night, has no window.
        network:
          internal: [10.0.0.0/8]
          zones:
            - { name: Clinical, cidrs: [10.30.0.0/24], kind: it, vlans: [30] }
        learning:
          period: 24h
        response:
          mode: dry-run
          ladder:
            - { min_score: 0.60, actions: [ticket] }
            - { min_score: 0.80, actions: [ticket, tcp-reset], duration: 1h }
            - { min_score: 0.95, actions: [ticket, firewall-block, switch-quarantine], duration: 4h, scope: { zones: [Clinical] } }
        windows:
          - name: EHR upgrade
            start: 2026-12-05T22:00:00Z
            end:   2026-12-06T04:00:00Z
            scope: { devices: [10.30.0.5], zones: [Clinical] }
            effect: suppress
        """;

    public override TimeSpan DefaultBackground => TimeSpan.FromHours(50);

    public override string BackgroundMeaning => "hours of clinical traffic before the first upgrade";

    private protected override (DateTimeOffset Start, DateTimeOffset End) Build(Simulator sim, Timeline timeline, TimeSpan background)
    {
        var site = new ClinicalSite(sim);
        var start = WindowStart - background;
        var first = WindowStart + sim.Between(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));
        var second = SecondNight + sim.Between(TimeSpan.Zero, TimeSpan.FromMinutes(30));
        var end = second + TimeSpan.FromHours(3) + sim.Between(TimeSpan.Zero, TimeSpan.FromHours(1));
        new ClinicalWork(site).Schedule(start, end);
        sim.At(first, () => Upgrade(site, timeline, "upgrade-1", "EHR upgrade inside the change window"));
        sim.At(second, () => Upgrade(site, timeline, "upgrade-2", "EHR upgrade outside any change window"));
        return (start, end);
    }

    /// <summary>RDP to each EHR server in turn with an SMB push of the installer alongside; about 1–1.5 hours.</summary>
    private static void Upgrade(ClinicalSite site, Timeline timeline, string name, string description)
    {
        var sim = site.Sim;
        var begin = sim.Now;
        var t = begin;
        var last = begin;
        foreach (var (server, certificate) in new[] { (site.EhrApp1, Certificates.EhrApp01), (site.EhrApp2, Certificates.EhrApp02) })
        {
            var rdp = RdpSession.Run(sim, site.Admin, server, "adm-jkoch", restrictedAdmin: false, certificate, t,
                sim.Between(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(35)));
            var smb = SmbSession.Connect(sim, site.Admin, server, $@"\\{server.Name}\D$", t + sim.Between(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)), mss: 8960);
            smb.WriteFile(@"Install\EHR_26.4\EHRServer-26.4.1.msi", sim.Random.Next(12_000_000, 22_000_000))
                .WriteFile(@"Install\EHR_26.4\schema-upgrade.sql", sim.Random.Next(1_000_000, 4_000_000))
                .WriteFile(@"Install\EHR_26.4\hotfix-kb26041.msp", sim.Random.Next(2_000_000, 6_000_000)).Close();
            var done = rdp.Time > smb.Connection.Time ? rdp.Time : smb.Connection.Time;
            if (done > last) last = done;
            t = rdp.Time + sim.Between(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(6));
        }
        timeline.Mark(name, begin, last, $"{description}: {site.Admin} pushes tens of MB to EHR-APP01/02 over SMB and opens administrator RDP to both");
    }
}
