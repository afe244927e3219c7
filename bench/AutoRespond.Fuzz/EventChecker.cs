using AutoRespond.Contracts;
using AutoRespond.Sensor;

namespace AutoRespond.Fuzz;

/// <summary>
/// The sink of a fuzzed sensor: checks every event for sane fields (event time never goes backwards, ports in range,
/// counters and durations not negative, outcomes and classes from their fixed sets, strings bounded) and reports
/// what is wrong through <see cref="Violation"/>.
/// </summary>
internal sealed class EventChecker : INetworkEventSink
{
    private const int MaxString = 64 * 1024;
    private static readonly HashSet<string> Outcomes = ["success", "failure", "unknown"];
    private static readonly HashSet<string> Classes = ["session", "discover", "read", "action", "reprogram"];
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public Action<string>? Violation { get; set; }

    public long Events { get; private set; }

    public void AdvanceTo(DateTimeOffset packetTime)
    {
    }

    public void Publish(NetworkEvent e)
    {
        Events++;
        if (e.Time < _last)
        {
            Fail($"{e.GetType().Name} time {e.Time:O} before the previous event's {_last:O}");
        }

        _last = e.Time > _last ? e.Time : _last;
        switch (e)
        {
            case FlowObserved f:
                FlowRecord r = f.Flow;
                Check(r.Uid.Length > 0 && r.ConnState.Length > 0, "flow without uid or conn_state");
                Check(r.Duration >= TimeSpan.Zero && r.Start <= f.Time, $"flow {r.Uid}: duration {r.Duration} start {r.Start:O} time {f.Time:O}");
                Check(Port(r.OrigPort) && Port(r.RespPort), $"flow {r.Uid}: port {r.OrigPort}/{r.RespPort}");
                Check(r.OrigBytes >= 0 && r.RespBytes >= 0 && r.OrigPkts >= 0 && r.RespPkts >= 0
                    && r.OrigIpBytes >= 0 && r.RespIpBytes >= 0, $"flow {r.Uid}: negative counter");
                Check(r.History.Length <= MaxString, $"flow {r.Uid}: history of {r.History.Length} chars");
                break;
            case IcsCommandSeen c:
                Check(Outcomes.Contains(c.Outcome) && Classes.Contains(c.Class), $"ics {c.Protocol}: outcome '{c.Outcome}' class '{c.Class}'");
                Check(Port(c.ServerPort) && Bounded(c.Function) && Bounded(c.Detail), $"ics {c.Protocol}: port or string out of bounds");
                break;
            case TlsHelloSeen t:
                Check(Port(t.ServerPort) && Bounded(t.Sni) && Bounded(t.Ja3) && Bounded(t.Alpn), "tls hello: port or string out of bounds");
                break;
            case TlsCertificateSeen t:
                Check(Port(t.ServerPort) && t.ChainLength >= 1 && Bounded(t.Subject) && Bounded(t.Issuer), "tls certificate: bad field");
                break;
            case RdpRequestSeen rdp:
                Check(Port(rdp.ServerPort) && Bounded(rdp.Cookie) && Bounded(rdp.RoutingToken), "rdp: port or string out of bounds");
                break;
            case DhcpSeen d:
                Check(d.Mac.Length > 0 && Bounded(d.Hostname) && Bounded(d.ClientId) && Bounded(d.VendorClass), "dhcp: bad field");
                break;
            case DeviceSeen d:
                Check(d.Ip.Length > 0 && Bounded(d.Hostname) && d.Vlan is null or >= 0 and <= 4095, $"device {d.Ip}: bad field");
                break;
        }
    }

    private static bool Port(int port) => port is >= 0 and <= 65535;

    private static bool Bounded(string? s) => s is null || s.Length <= MaxString;

    private void Check(bool ok, string what)
    {
        if (!ok)
        {
            Fail(what);
        }
    }

    private void Fail(string what) => Violation?.Invoke("event: " + what);
}
