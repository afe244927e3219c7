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
[JsonDerivedType(typeof(DnsAnswerSeen), "dns-answer")]
[JsonDerivedType(typeof(JsonRpcSeen), "jsonrpc")]
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

/// <summary>
/// A TLS ClientHello (DETECTION.md §1.7), reported once the ServerHello arrives (or the flow ends without one).
/// <c>Sni</c> is null when absent; <c>Ja3n</c> is JA3 with the extension list sorted (stable under Chromium's
/// extension permutation); <c>Ja3s</c> and <c>Version</c> (<c>SSLv3</c>, <c>TLSv10</c> .. <c>TLSv13</c>, negotiated)
/// come from the ServerHello and are null without one; <c>Alpn</c> is the offered ALPN list, comma-separated.
/// </summary>
public sealed record TlsHelloSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string? Sni, string Ja3, string Ja3Hash,
    string? Ja3n = null, string? Ja3nHash = null, string? Ja3s = null, string? Ja3sHash = null,
    string? Version = null, string? Alpn = null) : NetworkEvent(Time);

/// <summary>The server's leaf certificate (TLS ≤ 1.2); <c>ChainLength</c> counts the certificates sent.</summary>
public sealed record TlsCertificateSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string Subject, string Issuer, bool SelfSigned, string Sha256, int ChainLength = 1) : NetworkEvent(Time);

/// <summary>
/// An RDP X.224 Connection Request (DETECTION.md §1.8), reported when the Connection Confirm arrives (or the flow
/// ends): <c>NegotiationFlags</c> are RDP_NEG_REQ's flags, <c>SelectedProtocol</c>/<c>FailureCode</c> come from the
/// server's RDP_NEG_RSP/RDP_NEG_FAILURE, <c>Confirmed</c> is true once a Connection Confirm was seen.
/// </summary>
public sealed record RdpRequestSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string? Cookie, int RequestedProtocols, bool RestrictedAdmin,
    string? RoutingToken = null, int NegotiationFlags = 0, int? SelectedProtocol = null, int? FailureCode = null,
    bool Confirmed = false) : NetworkEvent(Time);

/// <summary>
/// One ICS request, classified (DETECTION.md §1): class is session, discover, read, action or reprogram; outcome is
/// success, failure or unknown from the matched response. <c>Critical</c> marks PLC stop/start, memory reset,
/// cold/warm restart, STOP_APPL, force listen-only and downloads to the PLC.
/// </summary>
public sealed record IcsCommandSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort,
    string Protocol, string Class, string Function, int Code, string? Detail, string Outcome,
    bool Critical = false) : NetworkEvent(Time);

/// <summary>
/// One DHCP message (Zeek's message type names: DISCOVER, OFFER, REQUEST, ...). <c>Mac</c> is the client hardware
/// address (chaddr); <c>ClientIp</c> is ciaddr when set; <c>VendorClass</c> is option 60.
/// </summary>
public sealed record DhcpSeen(
    DateTimeOffset Time, string Mac, string MessageType, string? Hostname, string? ClientId,
    string? RequestedIp, string? AssignedIp,
    string? FlowUid = null, string? ClientIp = null, string? ServerIp = null, string? VendorClass = null,
    int? Vlan = null) : NetworkEvent(Time);

/// <summary>
/// A DNS response with answers (RFC 1035), for the device that asked: <c>Client</c> is the querier, <c>Server</c> the
/// resolver that answered. <c>Query</c> is the question name (lower case, no trailing dot); <c>Addresses</c> the A and
/// AAAA records of the answer section; <c>Names</c> the CNAME chain (targets, in answer order); <c>Ttl</c> the smallest
/// TTL of those records; <c>Rcode</c> is NOERROR, NXDOMAIN, SERVFAIL, ... Flows to an address can then be named even
/// when TLS carries no SNI.
/// </summary>
public sealed record DnsAnswerSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, string Query, string QueryType, string Rcode,
    IReadOnlyList<string> Addresses, IReadOnlyList<string> Names, uint Ttl) : NetworkEvent(Time);

/// <summary>
/// One JSON-RPC 2.0 message on cleartext HTTP: a request, notification, result or error, from a POST body
/// (<c>Transport</c> <c>http-post</c>: request bodies and <c>application/json</c> answers) or a Server-Sent Events
/// stream (<c>sse</c>). <c>Mcp</c> is true when the message belongs to the Model Context Protocol: an MCP method
/// (<c>initialize</c>, <c>tools/list</c>, <c>tools/call</c>, <c>resources/*</c>, <c>prompts/*</c>, ...) or the answer to
/// one. <c>Method</c> of a response is the method of the request it answers (matched by id). <c>Tool</c> is the tool
/// name of <c>tools/call</c>; <c>ClientName</c>/<c>ServerName</c> come from <c>initialize</c> (clientInfo/serverInfo).
/// </summary>
public sealed record JsonRpcSeen(
    DateTimeOffset Time, string FlowUid, string Client, string Server, int ServerPort, string Transport, string Kind,
    string? Method, string? Id, bool Mcp, string? Tool = null, string? ClientName = null, string? ServerName = null,
    string? ProtocolVersion = null, string? HttpHost = null, string? HttpPath = null) : NetworkEvent(Time);

/// <summary>Sensor → brain: events in event-time order, batched for throughput.</summary>
public sealed record NetworkEventBatch(string SensorId, long Sequence, IReadOnlyList<NetworkEvent> Events);
