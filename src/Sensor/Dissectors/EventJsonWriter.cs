using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>
/// Writes the sensor's protocol events as JSON lines (CONTRACT.md §1 <c>autorespond events</c>): one object per event
/// with <c>type</c> (device, tls-hello, tls-cert, rdp-request, ics-command, dhcp), <c>time</c> (ISO-8601 UTC, event
/// time) and snake_case fields; absent values are JSON null. Flow events are not written (see <c>flows</c>).
/// </summary>
public sealed class EventJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;

    public EventJsonWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, Options);
    }

    /// <summary>Events written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one event; returns false (and writes nothing) for events this format does not carry.</summary>
    public bool Write(NetworkEvent networkEvent)
    {
        ArgumentNullException.ThrowIfNull(networkEvent);
        string? type = networkEvent switch
        {
            DeviceSeen => "device",
            TlsHelloSeen => "tls-hello",
            TlsCertificateSeen => "tls-cert",
            RdpRequestSeen => "rdp-request",
            IcsCommandSeen => "ics-command",
            DhcpSeen => "dhcp",
            DnsAnswerSeen => "dns-answer",
            JsonRpcSeen => "jsonrpc",
            _ => null,
        };
        if (type is null)
        {
            return false;
        }

        Utf8JsonWriter w = _json;
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("time", networkEvent.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        switch (networkEvent)
        {
            case DeviceSeen d:
                w.WriteString("mac", d.Mac);
                w.WriteString("ip", d.Ip);
                w.WriteString("hostname", d.Hostname);
                Number(w, "vlan", d.Vlan);
                break;
            case TlsHelloSeen h:
                Flow(w, h.FlowUid, h.Client, h.Server, h.ServerPort);
                w.WriteString("sni", h.Sni);
                w.WriteString("ja3", h.Ja3);
                w.WriteString("ja3_hash", h.Ja3Hash);
                w.WriteString("ja3n", h.Ja3n);
                w.WriteString("ja3n_hash", h.Ja3nHash);
                w.WriteString("ja3s", h.Ja3s);
                w.WriteString("ja3s_hash", h.Ja3sHash);
                w.WriteString("version", h.Version);
                w.WriteString("alpn", h.Alpn);
                break;
            case TlsCertificateSeen c:
                Flow(w, c.FlowUid, c.Client, c.Server, c.ServerPort);
                w.WriteString("subject", c.Subject);
                w.WriteString("issuer", c.Issuer);
                w.WriteBoolean("self_signed", c.SelfSigned);
                w.WriteString("sha256", c.Sha256);
                w.WriteNumber("chain_length", c.ChainLength);
                break;
            case RdpRequestSeen r:
                WriteRdp(w, r);
                break;
            case IcsCommandSeen i:
                Flow(w, i.FlowUid, i.Client, i.Server, i.ServerPort);
                w.WriteString("protocol", i.Protocol);
                w.WriteString("class", i.Class);
                w.WriteString("function", i.Function);
                w.WriteNumber("code", i.Code);
                w.WriteString("detail", i.Detail);
                w.WriteString("outcome", i.Outcome);
                w.WriteBoolean("critical", i.Critical);
                break;
            case DhcpSeen d:
                w.WriteString("uid", d.FlowUid);
                w.WriteString("mac", d.Mac);
                w.WriteString("message_type", d.MessageType);
                w.WriteString("hostname", d.Hostname);
                w.WriteString("client_id", d.ClientId);
                w.WriteString("requested_ip", d.RequestedIp);
                w.WriteString("assigned_ip", d.AssignedIp);
                w.WriteString("client_ip", d.ClientIp);
                w.WriteString("server_ip", d.ServerIp);
                w.WriteString("vendor_class", d.VendorClass);
                Number(w, "vlan", d.Vlan);
                break;
            case DnsAnswerSeen a:
                w.WriteString("uid", a.FlowUid);
                w.WriteString("client", a.Client);
                w.WriteString("server", a.Server);
                w.WriteString("query", a.Query);
                w.WriteString("qtype", a.QueryType);
                w.WriteString("rcode", a.Rcode);
                Strings(w, "addresses", a.Addresses);
                Strings(w, "names", a.Names);
                w.WriteNumber("ttl", a.Ttl);
                break;
            case JsonRpcSeen j:
                Flow(w, j.FlowUid, j.Client, j.Server, j.ServerPort);
                w.WriteString("transport", j.Transport);
                w.WriteString("kind", j.Kind);
                w.WriteString("method", j.Method);
                w.WriteString("id", j.Id);
                w.WriteBoolean("mcp", j.Mcp);
                w.WriteString("tool", j.Tool);
                w.WriteString("client_name", j.ClientName);
                w.WriteString("server_name", j.ServerName);
                w.WriteString("protocol_version", j.ProtocolVersion);
                w.WriteString("http_host", j.HttpHost);
                w.WriteString("http_path", j.HttpPath);
                break;
        }

        w.WriteEndObject();
        w.Flush();
        w.Reset();
        _stream.WriteByte((byte)'\n');
        Count++;
        return true;
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _json.Dispose();
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>MS-RDPBCGR requested/selected protocol flags by name.</summary>
    public static IReadOnlyList<string> RdpProtocolNames(int flags)
    {
        var names = new List<string>();
        if (flags == 0)
        {
            names.Add("rdp");
        }

        string[] bits = ["ssl", "hybrid", "rdstls", "hybrid_ex", "rdsaad"];
        for (int i = 0; i < bits.Length; i++)
        {
            if ((flags & (1 << i)) != 0)
            {
                names.Add(bits[i]);
            }
        }

        return names;
    }

    private static void WriteRdp(Utf8JsonWriter w, RdpRequestSeen r)
    {
        Flow(w, r.FlowUid, r.Client, r.Server, r.ServerPort);
        w.WriteString("cookie", r.Cookie);
        w.WriteString("routing_token", r.RoutingToken);
        w.WriteNumber("requested_protocols", r.RequestedProtocols);
        w.WriteStartArray("requested_protocol_names");
        foreach (string name in RdpProtocolNames(r.RequestedProtocols))
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        w.WriteBoolean("restricted_admin", r.RestrictedAdmin);
        w.WriteNumber("negotiation_flags", r.NegotiationFlags);
        w.WriteBoolean("confirmed", r.Confirmed);
        Number(w, "selected_protocol", r.SelectedProtocol);
        Number(w, "failure_code", r.FailureCode);
    }

    private static void Flow(Utf8JsonWriter w, string uid, string client, string server, int serverPort)
    {
        w.WriteString("uid", uid);
        w.WriteString("client", client);
        w.WriteString("server", server);
        w.WriteNumber("server_port", serverPort);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
