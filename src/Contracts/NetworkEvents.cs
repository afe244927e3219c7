using System.Text.Json.Serialization;

namespace AutoRespond.Contracts;

/// <summary>
/// One protocol observation from a sensor. Every event carries its event time (the packet
/// timestamp), never the wall clock, so a replay is deterministic.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(FlowObserved), "flow")]
[JsonDerivedType(typeof(DeviceSeen), "device")]
[JsonDerivedType(typeof(TlsHelloSeen), "tls-hello")]
[JsonDerivedType(typeof(TlsCertificateSeen), "tls-cert")]
[JsonDerivedType(typeof(RdpRequestSeen), "rdp-request")]
[JsonDerivedType(typeof(IcsCommandSeen), "ics-command")]
[JsonDerivedType(typeof(DhcpSeen), "dhcp")]
public abstract record NetworkEvent(DateTimeOffset Time);

/// <summary>Why a flow is reported: it ended, or its opening SYN went unanswered for the attempt delay.</summary>
public enum FlowPhase
{
    /// <summary>Zeek's tcp_attempt_delay (5 s) passed with no answer to the SYN; the flow is still tracked.</summary>
    AttemptTimedOut,

    /// <summary>The flow reached its final state (closed, reset, inactivity timeout or end of capture).</summary>
    Ended,
}

/// <summary>A flow with Zeek conn.log fields and semantics.</summary>
public sealed record FlowRecord(
    string Uid,
    DateTimeOffset Start,
    TimeSpan Duration,
    string OrigIp,
    int OrigPort,
    string RespIp,
    int RespPort,
    string Proto,
    string? Service,
    string ConnState,
    string History,
    long OrigBytes,
    long RespBytes,
    long OrigPkts,
    long OrigIpBytes,
    long RespPkts,
    long RespIpBytes,
    int? Vlan,
    string? OrigMac,
    string? RespMac);

public sealed record FlowObserved(DateTimeOffset Time, FlowPhase Phase, FlowRecord Flow) : NetworkEvent(Time);

public sealed record DeviceSeen(DateTimeOffset Time, string? Mac, string Ip, string? Hostname, int? Vlan) : NetworkEvent(Time);

public sealed record TlsHelloSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string? Sni, string Ja3, string Ja3Hash) : NetworkEvent(Time);

public sealed record TlsCertificateSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string Subject, string Issuer, bool SelfSigned, string Sha256) : NetworkEvent(Time);

public sealed record RdpRequestSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string? Cookie, int RequestedProtocols, bool RestrictedAdmin) : NetworkEvent(Time);

/// <summary>One ICS request, classified (DETECTION.md §1): class is session, discover, read, action or reprogram.</summary>
public sealed record IcsCommandSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string Protocol, string Class, string Function, int Code, string? Detail, string Outcome) : NetworkEvent(Time);

public sealed record DhcpSeen(
    DateTimeOffset Time, string Mac, string MessageType, string? Hostname, string? ClientId,
    string? RequestedIp, string? AssignedIp) : NetworkEvent(Time);

/// <summary>Sensor → brain: events in event-time order, batched for throughput.</summary>
public sealed record NetworkEventBatch(string SensorId, long Sequence, IReadOnlyList<NetworkEvent> Events);
