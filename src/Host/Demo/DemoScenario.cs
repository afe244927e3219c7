using AutoRespond.Sensor.Capture;

namespace AutoRespond.Host.Demo;

/// <summary>
/// The demo capture: three hours of an office VLAN ("Computing", VLAN 10) and a plant VLAN ("Industrial",
/// VLAN 20) at work — an HMI polling two PLCs over S7 (102) and Modbus (502), office PCs using a file
/// server and DNS, now and then a print job to a printer that is off — and then, after the learning
/// period, a laptop nobody has seen before sweeping the plant VLAN on ports 102 and 502.
/// </summary>
public static class DemoScenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Background = TimeSpan.FromHours(3);
    public static readonly DateTimeOffset AttackStart = Start + TimeSpan.FromHours(2.5);

    public const string Config = """
        # The demo's configuration: two zones, a protected PLC, 2 h of learning, dry-run response.
        network:
          internal: [10.0.0.0/8]
          zones:
            - { name: Computing,  cidrs: [10.10.0.0/24], kind: it, vlans: [10] }
            - { name: Industrial, cidrs: [10.20.0.0/24], kind: ot, vlans: [20] }
          protected: [10.20.0.21/32]
        learning:
          period: 2h
        response:
          mode: dry-run
          ladder:
            - { min_score: 0.60, actions: [ticket] }
            - { min_score: 0.80, actions: [ticket, tcp-reset], duration: 1h }
            - { min_score: 0.95, actions: [ticket, firewall-block, switch-quarantine], duration: 4h, scope: { zones: [Computing] } }
        """;

    public static readonly SimHost Attacker = new("10.10.0.66", "02:00:00:0a:00:42", 10);

    /// <summary>Writes the capture; returns the number of packets written.</summary>
    public static long Write(string path, int seed = 7)
    {
        var dns = new SimHost("10.10.0.2", "02:00:00:0a:00:02", 10);
        var files = new SimHost("10.10.0.3", "02:00:00:0a:00:03", 10);
        var printer = new SimHost("10.10.0.250", "02:00:00:0a:00:fa", 10);
        var office = Enumerable.Range(11, 6).Select(i => new SimHost($"10.10.0.{i}", $"02:00:00:0a:00:{i:x2}", 10)).ToArray();
        var hmi = new SimHost("10.20.0.10", "02:00:00:14:00:0a", 20);
        var s7Plc = new SimHost("10.20.0.21", "02:00:00:14:00:15", 20);
        var modbusPlc = new SimHost("10.20.0.22", "02:00:00:14:00:16", 20);

        using var traffic = new TrafficWriter(PcapWriter.Create(path), seed);
        var plan = new List<(DateTimeOffset At, Func<DateTimeOffset, DateTimeOffset> Run)>();
        for (var t = Start; t < Start + Background; t += TimeSpan.FromMinutes(1))
        {
            var minute = t;
            plan.Add((minute + traffic.Jitter(TimeSpan.FromSeconds(2)), at => traffic.Session(at, hmi, s7Plc, 102, 4, 31, 27)));
            plan.Add((minute + TimeSpan.FromSeconds(10) + traffic.Jitter(TimeSpan.FromSeconds(2)),
                at => traffic.Session(at, hmi, modbusPlc, 502, 3, 12, 29)));
            foreach (var pc in office)
            {
                var offset = TimeSpan.FromSeconds(15) + traffic.Jitter(TimeSpan.FromSeconds(40));
                plan.Add((minute + offset, at => traffic.Udp(at, pc, dns, 53, 40, 90)));
                plan.Add((minute + offset + TimeSpan.FromMilliseconds(50), at => traffic.Session(at, pc, files, 445, 2, 200, 1400)));
            }
            if (minute.Minute % 20 == 0)
                plan.Add((minute + TimeSpan.FromSeconds(58), at => traffic.Unanswered(at, office[minute.Hour % office.Length], printer, 9100)));
        }
        AddSweep(plan, traffic, s7Plc, modbusPlc);

        var last = DateTimeOffset.MinValue;
        foreach (var (at, run) in plan.OrderBy(p => p.At))
            last = run(at > last ? at : last + TimeSpan.FromMilliseconds(1));
        return traffic.Packets;
    }

    /// <summary>The new laptop sweeps 10.20.0.1–30 on 102 and 502: silence from empty addresses, answers from the PLCs.</summary>
    private static void AddSweep(List<(DateTimeOffset, Func<DateTimeOffset, DateTimeOffset>)> plan, TrafficWriter traffic,
        SimHost s7Plc, SimHost modbusPlc)
    {
        var t = AttackStart;
        for (int host = 1; host <= 30; host++)
        {
            foreach (ushort port in (ushort[])[102, 502])
            {
                var target = host switch
                {
                    21 => s7Plc,
                    22 => modbusPlc,
                    _ => new SimHost($"10.20.0.{host}", $"02:00:00:14:00:{host:x2}", 20),
                };
                bool open = (host == 21 && port == 102) || (host == 22 && port == 502);
                bool live = host is 21 or 22;
                Func<DateTimeOffset, DateTimeOffset> probe = open
                    ? at => traffic.HalfOpen(at, Attacker, target, port)
                    : live ? at => traffic.Rejected(at, Attacker, target, port)
                    : at => traffic.Unanswered(at, Attacker, target, port);
                plan.Add((t, probe));
                t += TimeSpan.FromMilliseconds(150);
            }
        }
    }
}
