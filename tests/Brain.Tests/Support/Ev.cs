using System.Net;
using AutoRespond.Brain.Models;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Support;

/// <summary>Builds sensor events and brains for model tests.</summary>
internal static class Ev
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static int _uid;

    /// <summary>Computing (IT, 10.10.0.0/24, VLAN 10) and Industrial (OT, 10.20.0.0/24, VLAN 20).</summary>
    public static NetworkConfig Plant { get; } = NetworkConfig.Default with
    {
        Zones =
        [
            new ZoneConfig("Computing", [IPNetwork.Parse("10.10.0.0/24")], ZoneKind.It, [10]),
            new ZoneConfig("Industrial", [IPNetwork.Parse("10.20.0.0/24")], ZoneKind.Ot, [20]),
        ],
    };

    public static string Uid() => "C" + Interlocked.Increment(ref _uid).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An established TCP flow that ended normally, with payload both ways.</summary>
    public static FlowObserved Session(DateTimeOffset end, string orig, string resp, int port, long origBytes = 300, long respBytes = 900,
        TimeSpan? duration = null, string? uid = null) =>
        new(end, FlowPhase.Ended, new FlowRecord(uid ?? Uid(), end - (duration ?? TimeSpan.FromSeconds(1)), duration ?? TimeSpan.FromSeconds(1),
            orig, 40000 + _uid % 20000, resp, port, "tcp", null, "SF", "ShADadFf",
            origBytes, respBytes, 6, origBytes + 300, 6, respBytes + 300, null, null, null));

    /// <summary>An unanswered SYN reported when its attempt timed out.</summary>
    public static FlowObserved Attempt(DateTimeOffset time, string orig, string resp, int port, string? uid = null) =>
        new(time, FlowPhase.AttemptTimedOut, new FlowRecord(uid ?? Uid(), time - TimeSpan.FromSeconds(5), TimeSpan.Zero,
            orig, 40000 + port % 20000, resp, port, "tcp", null, "S0", "S", 0, 0, 1, 44, 0, 0, null, null, null));

    /// <summary>A rejected SYN (REJ).</summary>
    public static FlowObserved Rejected(DateTimeOffset time, string orig, string resp, int port) =>
        new(time, FlowPhase.Ended, new FlowRecord(Uid(), time, TimeSpan.Zero, orig, 40000 + port % 20000, resp, port, "tcp", null,
            "REJ", "Sr", 0, 0, 1, 44, 1, 40, null, null, null));

    public static DeviceSeen Device(DateTimeOffset time, string ip, string? mac = null, int? vlan = null, string? hostname = null) =>
        new(time, mac, ip, hostname, vlan);

    public static TlsHelloSeen Hello(DateTimeOffset time, string client, string server, string? sni, string ja3 = "ja3-browser", string? uid = null) =>
        new(time, uid ?? Uid(), client, server, 443, sni, "771,4865-4866,0-10-11,29-23,0", ja3, Ja3s: "ja3s", Ja3sHash: "ja3s-hash", Version: "TLSv12");

    public static TlsCertificateSeen Cert(DateTimeOffset time, string client, string server, string subject, bool selfSigned,
        string? issuer = null, string? uid = null) =>
        new(time, uid ?? Uid(), client, server, 443, subject, issuer ?? (selfSigned ? subject : "CN=Some Public CA"), selfSigned,
            "sha-" + subject.GetHashCode().ToString("x8", System.Globalization.CultureInfo.InvariantCulture));

    public static RdpRequestSeen Rdp(DateTimeOffset time, string client, string server, string? cookie, bool restrictedAdmin, string uid,
        bool confirmed = true) =>
        new(time, uid, client, server, 3389, cookie, 3, restrictedAdmin, Confirmed: confirmed, SelectedProtocol: confirmed ? 2 : null);

    public static IcsCommandSeen Ics(DateTimeOffset time, string client, string server, string cls, string function, string? detail = null,
        string protocol = "s7comm", int port = 102, string outcome = "success", int code = 0, bool critical = false, string? uid = null) =>
        new(time, uid ?? Uid(), client, server, port, protocol, cls, function, code, detail, outcome, critical);

    public static (BrainEngine Brain, Recorder Found) Brain(TimeSpan learning, params IAnomalyModel[] models) =>
        Brain(new BrainOptions { LearningPeriod = learning }, models);

    public static (BrainEngine Brain, Recorder Found) Brain(BrainOptions options, params IAnomalyModel[] models)
    {
        var recorder = new Recorder();
        return (new BrainEngine(options, Plant, models.Length == 0 ? BrainEngine.DefaultModels() : models, recorder), recorder);
    }

    public static void Run(this BrainEngine brain, IEnumerable<NetworkEvent> events)
    {
        foreach (var e in events.OrderBy(e => e.Time)) brain.Process(e);
    }
}

internal sealed class Recorder : IBrainObserver
{
    public List<Breach> Breaches { get; } = [];
    public List<IncidentScored> Incidents { get; } = [];
    public void OnBreach(Breach breach) => Breaches.Add(breach);
    public void OnIncident(IncidentScored incident) => Incidents.Add(incident);

    public List<Breach> Of(string model) => Breaches.Where(b => b.Model == model).ToList();
}
