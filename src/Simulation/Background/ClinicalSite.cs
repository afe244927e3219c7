using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Background;

/// <summary>
/// The hospital network of the ehr-upgrade scenario: one "Clinical" VLAN (30, 10.30.0.0/24) with the EHR
/// application servers, an admin server, a file server, a domain controller and clinical workstations.
/// </summary>
internal sealed class ClinicalSite
{
    public const int ClinicalVlan = 30;
    public const string EhrName = "ehr.hospital.example";

    public ClinicalSite(Simulator sim)
    {
        Sim = sim;
        Internet = new Internet();
        string[] wards = ["ED", "ED", "ICU", "ICU", "WARD3", "WARD3", "WARD5", "RAD", "LAB", "ADMIT"];
        Workstations = wards.Select((ward, i) =>
            SimHost.Internal($"CW-{ward}-{i + 1:D2}", $"10.30.0.{101 + i}", $"3c:d9:2b:7a:{0x10 + i:x2}:{0x41 + 5 * i:x2}", ClinicalVlan)).ToArray();
        Dns = new NameService(sim, Dc, Internet.Resolvers);
        foreach (var service in Internet.Services) Dns.Register(service.Name, service.Host, service.Ttl);
        Dns.Register(EhrName, EhrApp1, 300, external: false);
        Dns.Register("ehr-app01.hospital.example", EhrApp1, 3600, external: false);
        Dns.Register("ehr-app02.hospital.example", EhrApp2, 3600, external: false);
        Dns.Register("fs-clin.hospital.example", FileServer, 3600, external: false);
        Dhcp = new DhcpService(sim, Dc, Router, Dc, "hospital.example");
    }

    public Simulator Sim { get; }

    public Internet Internet { get; }

    public NameService Dns { get; }

    public DhcpService Dhcp { get; }

    public SimHost Router { get; } = new("gw-clinical", "10.30.0.1", "00:00:0c:07:ac:0a", ClinicalVlan, HostStack.Linux, TimeSpan.FromMicroseconds(40));

    public SimHost Dc { get; } = SimHost.Internal("DC-CLIN", "10.30.0.2", "00:14:22:1e:02:02", ClinicalVlan);

    public SimHost FileServer { get; } = SimHost.Internal("FS-CLIN", "10.30.0.3", "00:14:22:1e:02:03", ClinicalVlan);

    public SimHost Admin { get; } = SimHost.Internal("ADM01", "10.30.0.5", "00:14:22:1e:02:05", ClinicalVlan);

    public SimHost EhrApp1 { get; } = SimHost.Internal("EHR-APP01", "10.30.0.10", "00:14:22:1e:02:0a", ClinicalVlan);

    public SimHost EhrApp2 { get; } = SimHost.Internal("EHR-APP02", "10.30.0.11", "00:14:22:1e:02:0b", ClinicalVlan);

    public IReadOnlyList<SimHost> Workstations { get; }
}
