using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Support;

/// <summary>
/// The IT → OT sabotage story (DETECTION.md §0) on top of <see cref="Background"/>: at +2.5 h a laptop never
/// seen before (10.10.0.66) opens an admin RDP session to the HMI (which pushes 40 MB back), sweeps the plant on
/// 102/502, talks TLS without SNI to a self-signed external host, tries Modbus to the internet, then reads SZL
/// lists, writes variables, stops the PLC and downloads a block.
/// </summary>
internal static class Story
{
    public const string Attacker = "10.10.0.66";
    public const string C2 = "203.0.113.50";

    public static List<NetworkEvent> Attack(DateTimeOffset start)
    {
        var t = start;
        var events = new List<NetworkEvent> { Ev.Device(t, Attacker, "02:00:00:0a:00:42", 10) };
        string rdp = Ev.Uid();
        events.Add(Ev.Rdp(t.AddSeconds(10), Attacker, Background.Hmi, "administr", restrictedAdmin: true, rdp));
        events.Add(Ev.Session(t.AddMinutes(20), Attacker, Background.Hmi, 3389, 400_000, 40_000_000, TimeSpan.FromMinutes(20), rdp));
        t = t.AddMinutes(21);
        for (int host = 1; host <= 30; host++)
        {
            events.Add(Ev.Attempt(t, Attacker, $"10.20.0.{host}", 102));
            events.Add(Ev.Attempt(t.AddMilliseconds(100), Attacker, $"10.20.0.{host}", 502));
            t = t.AddMilliseconds(300);
        }
        t = t.AddMinutes(2);
        string tls = Ev.Uid();
        events.Add(Ev.Hello(t, Attacker, C2, null, "ja3-python", tls));
        events.Add(Ev.Cert(t.AddMilliseconds(50), Attacker, C2, "CN=a1b2c3", true, uid: tls));
        events.Add(Ev.Session(t.AddSeconds(30), Attacker, C2, 443, 5000, 8000, TimeSpan.FromSeconds(30), tls));
        for (int i = 1; i <= 3; i++) events.Add(Ev.Attempt(t.AddSeconds(40 + i), Attacker, $"198.51.100.{i}", 502));
        t = t.AddMinutes(2);
        string s7 = Ev.Uid();
        foreach (string szl in (string[])["0x0011", "0x001C", "0x0131", "0x0424"])
        {
            events.Add(Ev.Ics(t, Attacker, Background.S7Plc, "discover", "read-szl", $"szl={szl} index=0x0001", uid: s7));
            t = t.AddSeconds(1);
        }
        events.Add(Ev.Ics(t, Attacker, Background.S7Plc, "action", "write-var", "items=1 DB5.DBD20[1]", uid: s7));
        events.Add(Ev.Ics(t.AddSeconds(1), Attacker, Background.S7Plc, "action", "write-var", "items=1 MB0[1]", uid: s7));
        events.Add(Ev.Ics(t.AddSeconds(2), Attacker, Background.S7Plc, "action", "plc-stop", null, critical: true, uid: s7));
        events.Add(Ev.Ics(t.AddSeconds(3), Attacker, Background.S7Plc, "reprogram", "download-block", "status=0x00 session=0 file=_0800001P block=OB1 fs=passive", critical: true, uid: s7));
        events.Add(Ev.Session(t.AddSeconds(10), Attacker, Background.S7Plc, 102, 20_000, 4_000, TimeSpan.FromSeconds(15), s7));
        return events;
    }
}
