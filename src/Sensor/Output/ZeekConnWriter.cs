using System.Globalization;
using System.Text;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Sensor.Output;

/// <summary>
/// Writes flows as Zeek's tab-separated conn.log (the default fields plus <c>vlan</c>). Unset values are "-";
/// like Zeek, duration and byte counts stay unset for a zero-length flow. The #open/#close lines are left out:
/// they would need the wall clock.
/// </summary>
public sealed class ZeekConnWriter : IDisposable
{
    /// <summary>The #fields line, in order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service", "duration", "orig_bytes",
        "resp_bytes", "conn_state", "local_orig", "local_resp", "missed_bytes", "history", "orig_pkts", "orig_ip_bytes",
        "resp_pkts", "resp_ip_bytes", "tunnel_parents", "vlan",
    ];

    private static readonly string[] Types =
    [
        "time", "string", "addr", "port", "addr", "port", "enum", "string", "interval", "count", "count", "string",
        "bool", "bool", "count", "string", "count", "count", "count", "count", "set[string]", "int",
    ];

    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly StringBuilder _line = new(256);

    public ZeekConnWriter(TextWriter writer, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _leaveOpen = leaveOpen;
        _writer.Write("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n");
        _writer.Write("#fields\t" + string.Join('\t', Fields) + "\n");
        _writer.Write("#types\t" + string.Join('\t', Types) + "\n");
    }

    public void Write(FlowRecord flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        bool hasDuration = flow.Duration > TimeSpan.Zero;
        StringBuilder b = _line.Clear();
        b.Append(Seconds(flow.Start.UtcTicks, epoch: true)).Append('\t')
            .Append(flow.Uid).Append('\t')
            .Append(flow.OrigIp).Append('\t')
            .Append(flow.OrigPort.ToString(CultureInfo.InvariantCulture)).Append('\t')
            .Append(flow.RespIp).Append('\t')
            .Append(flow.RespPort.ToString(CultureInfo.InvariantCulture)).Append('\t')
            .Append(flow.Proto).Append('\t')
            .Append(flow.Service ?? "-").Append('\t')
            .Append(hasDuration ? Seconds(flow.Duration.Ticks, epoch: false) : "-").Append('\t')
            .Append(hasDuration ? Count(flow.OrigBytes) : "-").Append('\t')
            .Append(hasDuration ? Count(flow.RespBytes) : "-").Append('\t')
            .Append(flow.ConnState).Append("\t-\t-\t0\t")
            .Append(flow.History.Length == 0 ? "-" : flow.History).Append('\t')
            .Append(Count(flow.OrigPkts)).Append('\t')
            .Append(Count(flow.OrigIpBytes)).Append('\t')
            .Append(Count(flow.RespPkts)).Append('\t')
            .Append(Count(flow.RespIpBytes)).Append("\t-\t")
            .Append(flow.Vlan is int vlan ? vlan.ToString(CultureInfo.InvariantCulture) : "-")
            .Append('\n');
        _writer.Write(b);
    }

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        _writer.Flush();
        if (!_leaveOpen)
        {
            _writer.Dispose();
        }
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(long ticks, bool epoch)
    {
        Span<byte> utf8 = stackalloc byte[32];
        bool ok = epoch ? Timestamps.TryFormatEpoch(ticks, utf8, out int n) : Timestamps.TryFormatSeconds(ticks, utf8, out n);
        return ok ? Encoding.ASCII.GetString(utf8[..n]) : "-";
    }
}
