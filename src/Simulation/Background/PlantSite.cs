using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Background;

/// <summary>
/// The network of the ics-sabotage and benign-office scenarios: an office VLAN "Computing" (10, 10.10.0.0/24) and
/// a plant VLAN "Industrial" (20, 10.20.0.0/24) behind one router. Addresses are fixed; MACs carry real vendor
/// prefixes (Dell, HP, Siemens, Schneider) so tools resolve them.
/// </summary>
internal sealed class PlantSite
{
    public const int ComputingVlan = 10, IndustrialVlan = 20;

    public PlantSite(Simulator sim)
    {
        Sim = sim;
        Internet = new Internet();
        Pcs =
        [
            .. new[] { "ACC", "ACC", "HR", "SALES", "SALES", "SALES", "PLAN", "PLAN", "QA", "MGMT" }
                .Select((dept, i) => Office($"PC-{dept}-{i + 1:D2}", 51 + i, $"f8:bc:12:4e:{0x20 + i:x2}:{0x31 + 7 * i:x2}")),
        ];
        Dns = new NameService(sim, Dc, Internet.Resolvers);
        foreach (var service in Internet.Services) Dns.Register(service.Name, service.Host, service.Ttl);
        Dns.Register("fs01.corp.example", FileServer, 3600, external: false);
        Dns.Register("dc01.corp.example", Dc, 3600, external: false);
        Dns.Register("prn-2f-01.corp.example", Printer, 3600, external: false);
        Dhcp = new DhcpService(sim, Dc, ComputingRouter, Dc, "corp.example");
    }

    public Simulator Sim { get; }

    public Internet Internet { get; }

    public NameService Dns { get; }

    public DhcpService Dhcp { get; }

    public SimHost ComputingRouter { get; } = new("gw-computing", "10.10.0.1", "00:00:0c:07:ac:0a", ComputingVlan, HostStack.Linux, TimeSpan.FromMicroseconds(40));

    public SimHost IndustrialRouter { get; } = new("gw-industrial", "10.20.0.1", "00:00:0c:07:ac:0a", IndustrialVlan, HostStack.Linux, TimeSpan.FromMicroseconds(40));

    public SimHost Dc { get; } = SimHost.Internal("DC01", "10.10.0.2", "00:14:22:0a:01:02", ComputingVlan);

    public SimHost FileServer { get; } = SimHost.Internal("FS01", "10.10.0.3", "00:14:22:0a:01:03", ComputingVlan);

    public SimHost Backup { get; } = SimHost.Internal("BKP01", "10.10.0.20", "00:14:22:0a:01:14", ComputingVlan, HostStack.Linux);

    public SimHost Patch { get; } = SimHost.Internal("WSUS01", "10.10.0.21", "00:14:22:0a:01:15", ComputingVlan);

    public SimHost Printer { get; } = SimHost.Internal("PRN-2F-01", "10.10.0.250", "3c:d9:2b:61:0e:fa", ComputingVlan, HostStack.Linux);

    public IReadOnlyList<SimHost> Pcs { get; }

    public SimHost Wincc { get; } = SimHost.Internal("WINCC01", "10.20.0.10", "00:1b:1b:5c:20:0a", IndustrialVlan);

    public SimHost Ews { get; } = SimHost.Internal("EWS01", "10.20.0.50", "00:1b:1b:5c:20:32", IndustrialVlan);

    public SimHost S7Press { get; } = SimHost.Internal("PLC-PRESS", "10.20.0.21", "00:1b:1b:a1:37:15", IndustrialVlan, HostStack.Plc);

    public SimHost S7Kiln { get; } = SimHost.Internal("PLC-KILN", "10.20.0.22", "00:1b:1b:a1:42:16", IndustrialVlan, HostStack.Plc);

    public SimHost ModbusPumps { get; } = SimHost.Internal("PLC-PUMPS", "10.20.0.23", "00:80:f4:0c:51:17", IndustrialVlan, HostStack.Plc);

    public SimHost ModbusDosing { get; } = SimHost.Internal("PLC-DOSING", "10.20.0.24", "00:80:f4:0c:51:18", IndustrialVlan, HostStack.Plc);

    /// <summary>The S7 controllers with their identities.</summary>
    public IReadOnlyList<(SimHost Host, PlcIdentity Identity)> S7Plcs => [(S7Press, PlcIdentity.S7_315), (S7Kiln, PlcIdentity.S7_416)];

    /// <summary>The Modbus controllers with their identities.</summary>
    public IReadOnlyList<(SimHost Host, PlcIdentity Identity)> ModbusPlcs => [(ModbusPumps, PlcIdentity.M340), (ModbusDosing, PlcIdentity.M340Dosing)];

    /// <summary>Every live host of the plant VLAN (they answer a closed port with RST).</summary>
    public IReadOnlyList<SimHost> IndustrialHosts => [IndustrialRouter, Wincc, S7Press, S7Kiln, ModbusPumps, ModbusDosing, Ews];

    private static SimHost Office(string name, int last, string mac) => SimHost.Internal(name, $"10.10.0.{last}", mac, ComputingVlan);
}
