using AutoRespond.Simulation.Activities;
using AutoRespond.Simulation.Background;
using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// The reference attack (DETECTION.md §0) in about 1.5–2 hours: a laptop nobody has seen joins the office VLAN,
/// opens an administrator RDP session to the WinCC server, SYN-scans the plant on 102 and 502, calls home over
/// TLS without SNI to servers with self-signed certificates, tries Modbus toward the internet, then talks S7 and
/// Modbus to the PLCs: discovery, writes, a program download to one PLC and a stop of another.
/// </summary>
internal sealed class IcsSabotageAttack(PlantSite site, PlantOperations plant, Timeline timeline)
{
    public const string LaptopIp = "10.10.0.66";
    private readonly Simulator _sim = site.Sim;

    public SimHost Laptop { get; } = SimHost.Internal("DESKTOP-7Q2M4KD", LaptopIp, "54:ee:75:3a:9c:42", PlantSite.ComputingVlan);

    private IReadOnlyList<SimHost> CommandAndControl { get; } =
    [
        SimHost.External("c2-a", "185.141.63.120", 48), SimHost.External("c2-b", "45.137.22.57", 61), SimHost.External("c2-c", "193.42.33.18", 95),
    ];

    private IReadOnlyList<SimHost> ExternalModbus { get; } =
    [
        SimHost.External("mb-a", "104.238.154.17", 88), SimHost.External("mb-b", "159.65.91.204", 102),
        SimHost.External("mb-c", "212.83.171.46", 31), SimHost.External("mb-d", "80.82.77.33", 27),
        SimHost.External("mb-e", "89.248.165.74", 29),
    ];

    /// <summary>Schedules every stage from <paramref name="start"/>; returns when the attack's traffic ends.</summary>
    public DateTimeOffset Schedule(DateTimeOffset start)
    {
        var rdp = start + _sim.Between(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6));
        var rdpLength = _sim.Between(TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16));
        var scan = rdp + _sim.Between(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(7));
        var c2 = start + _sim.Between(TimeSpan.FromMinutes(24), TimeSpan.FromMinutes(34));
        var outbound = c2 + _sim.Between(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(8));
        var discovery = start + _sim.Between(TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(50));
        var writes = discovery + _sim.Between(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20));
        var download = writes + _sim.Between(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20));
        var stop = download + _sim.Between(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10));
        var end = stop + _sim.Between(TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15));
        bool restrictedAdmin = _sim.Chance(0.5);
        int servers = _sim.Random.Next(2, 4);

        _sim.At(start, Join);
        _sim.At(rdp, () => Mark("rdp", "administrator RDP session to WINCC01", RdpSession.Run(_sim, Laptop, site.Wincc, "administrator",
            restrictedAdmin, Certificates.Wincc01, _sim.Now, rdpLength)));
        _sim.At(scan, Scan);
        _sim.At(c2, () => CallHome(servers, end));
        _sim.At(outbound, ModbusOutbound);
        _sim.At(discovery, Discover);
        _sim.At(writes, Write);
        _sim.At(download, Download);
        _sim.At(stop, () =>
        {
            var s7 = S7Session.Connect(_sim, Laptop, site.S7Kiln, PlcIdentity.S7_416, connectionType: 1, slot: 3, 0x0100, _sim.Now);
            s7.Stop().Close();
            Mark("plc-stop", "S7 PLC Stop to PLC-KILN", s7.Connection);
        });
        return end;
    }

    private void Join()
    {
        var t = site.Dhcp.Join(Laptop, _sim.Now);
        timeline.Mark("new-device", _sim.Now, t, $"new laptop {Laptop.Name} ({Laptop.Mac}) gets {Laptop.Ip} by DHCP");
        t = site.Dns.Resolve(Laptop, "wpad.corp.example", t + TimeSpan.FromSeconds(1));
        var service = site.Internet.Find("login.microsoftonline.com");
        t = site.Dns.Resolve(Laptop, service.Name, t + TimeSpan.FromSeconds(3));
        Browse(_sim, Laptop, service.Host, service.Name, 9_000, t);
    }

    /// <summary>nmap-style SYN scan of 10.20.0.1–40 on 102 and 502 in random order, one source port.</summary>
    private void Scan()
    {
        var r = _sim.Random;
        var probes = Enumerable.Range(1, 40).SelectMany(h => new[] { (Host: h, Port: S7.Port), (Host: h, Port: Modbus.Port) }).ToArray();
        r.Shuffle(probes);
        ushort sourcePort = (ushort)r.Next(40000, 65000);
        var t = _sim.Now;
        foreach (var (host, port) in probes)
        {
            var target = site.IndustrialHosts.FirstOrDefault(h => h.Ip == $"10.20.0.{host}")
                ?? SimHost.Internal($"10.20.0.{host}", $"10.20.0.{host}", "00:00:00:00:00:00", PlantSite.IndustrialVlan);
            var probe = _sim.Tcp(Laptop, target, port, clientPort: sourcePort).At(t);
            bool open = port == S7.Port ? site.S7Plcs.Any(p => p.Host == target) : site.ModbusPlcs.Any(p => p.Host == target);
            if (open) probe.HalfOpen();
            else if (target.Mac.IsZero || target == site.Ews) probe.Unanswered(retries: 1); // empty address, or a host whose firewall drops
            else probe.Rejected();
            t += TimeSpan.FromMilliseconds(r.Next(8, 60));
        }
        timeline.Mark("scan", _sim.Now, t, $"SYN scan of 10.20.0.1-40 on ports 102 and 502 ({probes.Length} probes)");
    }

    /// <summary>Check-ins over TLS without SNI: the first server every one to two minutes until the end, the others a few times.</summary>
    private void CallHome(int servers, DateTimeOffset end)
    {
        var first = _sim.Now;
        for (int i = 0; i < servers; i++)
        {
            var server = CommandAndControl[i];
            byte[] certificate = Certificates.CommandAndControl[i];
            int beacons = i == 0 ? int.MaxValue : _sim.Random.Next(2, 5);
            var t = first + TimeSpan.FromSeconds(i * _sim.Random.Next(20, 200));
            for (int n = 0; n < beacons && t < end; n++)
            {
                var at = t;
                int tasking = n == 0 ? 60_000 : 2_500; // the first answer carries the second stage
                _sim.At(at, () => Beacon(_sim, Laptop, server, certificate, at, _sim.Random.Next(300, 1_800), _sim.Random.Next(200, tasking)));
                t += _sim.Between(TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(120)) * (i == 0 ? 1 : 6);
            }
        }
        timeline.Mark("c2", first, end, $"TLS without SNI to {servers} rare external servers with self-signed certificates");
    }

    private void ModbusOutbound()
    {
        int targets = _sim.Random.Next(3, ExternalModbus.Count + 1);
        var t = _sim.Now;
        for (int i = 0; i < targets; i++, t += TimeSpan.FromMilliseconds(_sim.Random.Next(200, 3_000)))
            _sim.Tcp(Laptop, ExternalModbus[i], Modbus.Port).At(t).Unanswered();
        timeline.Mark("external-modbus", _sim.Now, t + TimeSpan.FromSeconds(3), $"unanswered SYNs to {targets} external hosts on 502");
    }

    private void Discover()
    {
        var t = _sim.Now;
        foreach (var (plc, identity) in site.S7Plcs)
        {
            var s7 = S7Session.Connect(_sim, Laptop, plc, identity, connectionType: 1, slot: plc == site.S7Press ? 2 : 3, 0x0100, t);
            s7.ReadSzl(0x0011, plant.RunningSince).ReadSzl(0x001C, plant.RunningSince).ReadSzl(0x0424, plant.RunningSince).ListBlocks([3, 6, 14, 9, 1, 0, 0]);
            s7.Read([new(S7Area.DataBlock, 10, 0, 48)]).Read([new(S7Area.Merker, 0, 0, 64)]).Close();
            t = s7.Connection.Time + Ms(_sim.Random, 300, 4_000);
        }
        foreach (var (plc, identity) in site.ModbusPlcs)
        {
            var mb = ModbusSession.Connect(_sim, Laptop, plc, identity, t);
            mb.ReadDeviceId().ReadRegisters(0, 100).ReadRegisters(100, 100).ReadCoils(0, 64);
            mb.Close();
            t = mb.Connection.Time + Ms(_sim.Random, 300, 4_000);
        }
        timeline.Mark("ics-discovery", _sim.Now, t, "S7 SZL reads 0x0011/0x001C/0x0424 and block list; Modbus 43/14 read device id");
    }

    private void Write()
    {
        var s7 = S7Session.Connect(_sim, Laptop, site.S7Press, PlcIdentity.S7_315, connectionType: 1, slot: 2, 0x0100, _sim.Now);
        s7.Write([new(S7Area.DataBlock, 10, 20, 2), new(S7Area.DataBlock, 10, 24, 4)]).Write([new(S7Area.Merker, 0, 12, 1)]).Close();
        var mb = ModbusSession.Connect(_sim, Laptop, site.ModbusPumps, PlcIdentity.M340, s7.Connection.Time + TimeSpan.FromSeconds(2));
        mb.WriteRegister(100, 0).WriteRegister(104, 65_000).WriteRegisters(200, [1, 1, 0, 0, 9_999, 9_999]).Close();
        timeline.Mark("ics-write", _sim.Now, mb.Connection.Time, "S7 Write Var to PLC-PRESS; Modbus FC 6 and FC 16 to PLC-PUMPS");
    }

    private void Download()
    {
        var s7 = S7Session.Connect(_sim, Laptop, site.S7Press, PlcIdentity.S7_315, connectionType: 1, slot: 2, 0x0100, _sim.Now);
        s7.Download("_0800001P", _sim.Random.Next(900, 2_400)).Download("_0C00012P", _sim.Random.Next(300, 900)).Close();
        Mark("ics-download", "S7 program download (OB 1, FC 12) to PLC-PRESS, activated with _INSE", s7.Connection);
    }

    private void Mark(string name, string description, TcpConversation connection) => timeline.Mark(name, _sim.Now, connection.Time, description);
}
