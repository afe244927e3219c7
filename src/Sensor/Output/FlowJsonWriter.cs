using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Sensor.Output;

/// <summary>
/// Writes one JSON object per flow and line, with Zeek's conn.log field names (<c>ts</c>, <c>uid</c>, <c>id.orig_h</c>,
/// ... <c>vlan</c>, plus <c>orig_l2_addr</c>/<c>resp_l2_addr</c> when known). Like Zeek's JSON logs, unset fields are
/// left out: <c>service</c> when unknown, <c>duration</c> and byte counts for a zero-length flow, an empty history.
/// </summary>
public sealed class FlowJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;

    public FlowJsonWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, WriterOptions);
    }

    public void Write(FlowRecord flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Utf8JsonWriter w = _json;
        bool hasDuration = flow.Duration > TimeSpan.Zero;
        w.WriteStartObject();
        w.WritePropertyName("ts");
        WriteSeconds(w, flow.Start.UtcTicks, epoch: true);
        w.WriteString("uid", flow.Uid);
        w.WriteString("id.orig_h", flow.OrigIp);
        w.WriteNumber("id.orig_p", flow.OrigPort);
        w.WriteString("id.resp_h", flow.RespIp);
        w.WriteNumber("id.resp_p", flow.RespPort);
        w.WriteString("proto", flow.Proto);
        if (flow.Service is not null)
        {
            w.WriteString("service", flow.Service);
        }

        if (hasDuration)
        {
            w.WritePropertyName("duration");
            WriteSeconds(w, flow.Duration.Ticks, epoch: false);
            w.WriteNumber("orig_bytes", flow.OrigBytes);
            w.WriteNumber("resp_bytes", flow.RespBytes);
        }

        w.WriteString("conn_state", flow.ConnState);
        w.WriteNumber("missed_bytes", 0);
        if (flow.History.Length > 0)
        {
            w.WriteString("history", flow.History);
        }

        w.WriteNumber("orig_pkts", flow.OrigPkts);
        w.WriteNumber("orig_ip_bytes", flow.OrigIpBytes);
        w.WriteNumber("resp_pkts", flow.RespPkts);
        w.WriteNumber("resp_ip_bytes", flow.RespIpBytes);
        if (flow.Vlan is int vlan)
        {
            w.WriteNumber("vlan", vlan);
        }

        if (flow.OrigMac is not null)
        {
            w.WriteString("orig_l2_addr", flow.OrigMac);
        }

        if (flow.RespMac is not null)
        {
            w.WriteString("resp_l2_addr", flow.RespMac);
        }

        w.WriteEndObject();
        w.Flush();
        w.Reset();
        _stream.WriteByte((byte)'\n');
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

    private static void WriteSeconds(Utf8JsonWriter w, long ticks, bool epoch)
    {
        Span<byte> utf8 = stackalloc byte[32];
        _ = epoch ? Timestamps.TryFormatEpoch(ticks, utf8, out int n) : Timestamps.TryFormatSeconds(ticks, utf8, out n);
        w.WriteRawValue(utf8[..n], skipInputValidation: true);
    }
}
