using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Support;

/// <summary>
/// A larger benign network with jitter and heavy-tailed volumes (seeded): 30 office PCs on irregular schedules
/// using DNS, a file server (1 kB … 100 MB), HTTPS sites with SNI and a shared pool of services reached by address,
/// a dead printer; a jump host administering servers over RDP; two HMIs polling four PLCs with hourly SZL reads and
/// set-point writes; an IT historian polling PLCs; an engineering workstation uploading now and then; one PC that
/// renews its DHCP lease to a new address; and three laptops that join after learning and behave like the office.
/// </summary>
internal static class BenignVariety
{
    public static List<NetworkEvent> Build(DateTimeOffset from, TimeSpan span, DateTimeOffset learningEnd, int seed)
    {
        var rng = new Random(seed);
        var to = from + span;
        var ev = new List<NetworkEvent>();
        string[] pcs = Enumerable.Range(0, 30).Select(i => $"10.10.0.{100 + i}").ToArray();
        string[] plcs = ["10.20.0.21", "10.20.0.22", "10.20.0.23", "10.20.0.24"];
        string[] hmis = ["10.20.0.10", "10.20.0.11"];
        string[] sites = Enumerable.Range(0, 50).Select(i => $"93.184.{200 + i % 10}.{i + 1}").ToArray();
        string[] byIp = Enumerable.Range(0, 12).Select(i => $"20.190.{150 + i % 3}.{10 + i}").ToArray();
        for (int i = 0; i < pcs.Length; i++) ev.Add(Ev.Device(from, pcs[i], $"3c:52:82:00:00:{i:x2}", 10));
        var laptops = new List<(string Ip, DateTimeOffset Join)>();
        for (int i = 0; i < 3; i++)
        {
            var join = learningEnd + TimeSpan.FromMinutes(rng.Next(10, (int)(to - learningEnd).TotalMinutes - 60));
            laptops.Add(($"10.10.0.{200 + i}", join));
            ev.Add(Ev.Device(join, $"10.10.0.{200 + i}", $"3c:52:82:00:01:{i:x2}", 10));
        }
        // The engineering workstation's habit shows during learning too (its first-ever upload after learning would
        // rightly breach at 0.8: "upload by a non-EWS").
        ev.Add(Ev.Ics(from.AddMinutes(30), "10.20.0.50", plcs[0], "reprogram", "start-upload", "status=0x00 session=0 file=_0800001A block=OB1 fs=active"));
        for (var t = from; t < to; t += TimeSpan.FromMinutes(10))
        {
            foreach (string pc in pcs) if (rng.NextDouble() < 0.7) Office(ev, rng, pc, t, sites, byIp);
            foreach (var (ip, join) in laptops) if (t >= join && rng.NextDouble() < 0.7) Office(ev, rng, ip, t, sites, byIp);
            if (rng.NextDouble() < 0.1) ev.Add(Ev.Attempt(t.AddSeconds(rng.Next(600)), pcs[rng.Next(pcs.Length)], "10.10.0.250", 9100));
            if (t.Minute == 0 && rng.NextDouble() < 0.8)
            {
                string server = $"10.10.0.{30 + rng.Next(3)}";
                string uid = Ev.Uid();
                var at = t.AddSeconds(rng.Next(3000));
                ev.Add(Ev.Rdp(at, "10.10.0.5", server, "CONTOSO\\adm-ops", rng.NextDouble() < 0.3, uid));
                ev.Add(Ev.Session(at.AddMinutes(15), "10.10.0.5", server, 3389, 200_000 + rng.Next(2_000_000), 2_000_000 + rng.Next(20_000_000), TimeSpan.FromMinutes(15), uid));
            }
            if (rng.NextDouble() < 0.05)
                ev.Add(Ev.Ics(t.AddSeconds(rng.Next(600)), "10.20.0.50", plcs[0], "reprogram", "start-upload", "status=0x00 session=0 file=_0800001A block=OB1 fs=active"));
        }
        for (var t = from; t < to; t += TimeSpan.FromSeconds(60 + rng.Next(-5, 6)))
            for (int h = 0; h < hmis.Length; h++)
                for (int p = 0; p < plcs.Length; p++)
                {
                    if ((h + p) % 2 == 1) continue;
                    var at = t.AddMilliseconds(rng.Next(2000));
                    int port = p % 2 == 0 ? 102 : 502;
                    ev.Add(Ev.Session(at, hmis[h], plcs[p], port, 100 + rng.Next(200), 200 + rng.Next(400)));
                    ev.Add(port == 102
                        ? Ev.Ics(at, hmis[h], plcs[p], "read", "read-var", $"items=1 DB{1 + rng.Next(3)}.DBW{rng.Next(200)}[1]")
                        : Ev.Ics(at, hmis[h], plcs[p], "read", "read-holding-registers", $"unit=1 start={rng.Next(100)} quantity=10", "modbus", 502, code: 3));
                    if (port == 502 && rng.NextDouble() < 0.05)
                        ev.Add(Ev.Ics(at.AddMilliseconds(10), hmis[h], plcs[p], "action", "write-single-register",
                            $"unit=1 address={40000 + rng.Next(100)} value=0x{rng.Next(65536):x4}", "modbus", 502, code: 6));
                    if (port == 102 && at.Minute == 0 && at.Second < 62)
                        foreach (string szl in (string[])["0x0011", "0x0424"])
                            ev.Add(Ev.Ics(at, hmis[h], plcs[p], "discover", "read-szl", $"szl={szl} index=0x0000"));
                }
        for (var t = from; t < to; t += TimeSpan.FromMinutes(5))
            ev.Add(Ev.Ics(t.AddSeconds(rng.Next(60)), "10.10.0.40", plcs[1], "read", "read-holding-registers", "unit=1 start=0 quantity=20", "modbus", 502, code: 3));
        var renew = from + span / 2;
        ev.Add(new DhcpSeen(renew, "3c:52:82:00:00:07", "ACK", "PC-07", null, "10.10.0.177", "10.10.0.177"));
        ev.RemoveAll(e => e.Time >= renew && e is FlowObserved { Flow.OrigIp: "10.10.0.107" });
        return ev.OrderBy(e => e.Time).ToList();
    }

    private static void Office(List<NetworkEvent> ev, Random rng, string pc, DateTimeOffset t, string[] sites, string[] byIp)
    {
        var at = t.AddSeconds(rng.Next(590));
        ev.Add(Ev.Session(at, pc, "10.10.0.2", 53, 40, 90));
        double size = Math.Exp(7 + rng.NextDouble() * 11); // 1 kB … 60 MB, log-uniform
        ev.Add(Ev.Session(at.AddSeconds(1), pc, "10.10.0.3", 445, 2000, (long)size));
        int site = rng.Next(rng.NextDouble() < 0.7 ? 10 : sites.Length);
        ev.Add(Ev.Hello(at.AddSeconds(2), pc, sites[site], $"site{site}.example.com", rng.NextDouble() < 0.8 ? "ja3-edge" : "ja3-chrome"));
        ev.Add(Ev.Cert(at.AddSeconds(2), pc, sites[site], $"CN=site{site}.example.com", false));
        ev.Add(Ev.Session(at.AddSeconds(3), pc, sites[site], 443, 1500, (long)(size / 3)));
        if (rng.NextDouble() < 0.1)
        {
            string ip = byIp[rng.Next(byIp.Length)];
            ev.Add(Ev.Hello(at.AddSeconds(4), pc, ip, null, "ja3-edge"));
            ev.Add(Ev.Session(at.AddSeconds(5), pc, ip, 443, 900, 4000));
        }
    }
}
