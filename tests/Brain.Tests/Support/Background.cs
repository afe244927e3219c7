using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Support;

/// <summary>
/// Benign plant traffic: ten office PCs (10.10.0.11–20) using DNS, a file server and HTTPS sites with SNI every
/// 10 minutes, and an HMI (10.20.0.10) polling an S7 PLC (10.20.0.21) and a Modbus PLC (10.20.0.22) every
/// minute, reconnecting hourly with the same SZL reads.
/// </summary>
internal static class Background
{
    public const string Dns = "10.10.0.2", Files = "10.10.0.3", Hmi = "10.20.0.10", S7Plc = "10.20.0.21", ModbusPlc = "10.20.0.22";

    public static string Office(int i) => $"10.10.0.{11 + i}";

    public static List<NetworkEvent> Plant(DateTimeOffset from, DateTimeOffset to, int officePcs = 10)
    {
        var events = new List<NetworkEvent>
        {
            Ev.Device(from, Dns, "02:00:00:0a:00:02", 10),
            Ev.Device(from, Files, "02:00:00:0a:00:03", 10),
            Ev.Device(from, Hmi, "02:00:00:14:00:0a", 20),
            Ev.Device(from, S7Plc, "02:00:00:14:00:15", 20),
            Ev.Device(from, ModbusPlc, "02:00:00:14:00:16", 20),
        };
        for (int i = 0; i < officePcs; i++) events.Add(Ev.Device(from, Office(i), $"02:00:00:0a:01:{i:x2}", 10));
        for (var t = from; t < to; t += TimeSpan.FromMinutes(1))
        {
            events.Add(Ev.Session(t.AddSeconds(1), Hmi, S7Plc, 102, 120, 240));
            events.Add(Ev.Ics(t.AddSeconds(1), Hmi, S7Plc, "read", "read-var", "items=1 DB1.DBW0[1]"));
            events.Add(Ev.Session(t.AddSeconds(2), Hmi, ModbusPlc, 502, 60, 80));
            events.Add(Ev.Ics(t.AddSeconds(2), Hmi, ModbusPlc, "read", "read-holding-registers", "unit=1 start=0 quantity=10", "modbus", 502, code: 3));
            if (t.Minute == 0)
            {
                events.Add(Ev.Ics(t.AddSeconds(1.5), Hmi, S7Plc, "discover", "read-szl", "szl=0x0011 index=0x0000"));
                events.Add(Ev.Ics(t.AddSeconds(1.6), Hmi, S7Plc, "discover", "read-szl", "szl=0x0424 index=0x0000"));
            }
            if (t.Minute % 10 != 0) continue;
            for (int i = 0; i < officePcs; i++)
            {
                var at = t.AddSeconds(5 + i);
                string pc = Office(i);
                events.Add(Ev.Session(at, pc, Dns, 53, 40, 90));
                events.Add(Ev.Session(at.AddMilliseconds(100), pc, Files, 445, 2000, 20000));
                string site = $"93.184.{216 + i % 3}.{10 + (t.Hour * 6 + t.Minute / 10 + i) % 5}";
                events.Add(Ev.Hello(at.AddMilliseconds(200), pc, site, $"site{(t.Minute / 10 + i) % 5}.example.com"));
                events.Add(Ev.Cert(at.AddMilliseconds(250), pc, site, $"CN=site{(t.Minute / 10 + i) % 5}.example.com", false));
                events.Add(Ev.Session(at.AddMilliseconds(300), pc, site, 443, 1500, 30000));
            }
        }
        return events;
    }
}
