using System.Globalization;
using AutoRespond.Bench.Pipeline;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Enforcement;

namespace AutoRespond.Bench.RstLatency;

/// <summary>
/// What the rst-latency run measured, per flagged connection, from the wire port's capture:
/// <list type="bullet">
/// <item>trigger → first RST: the segment the enforcer built its first pair from (matched on the wire by addresses,
/// ports, seq, ack, flags and length) → the first RST on the wire whose Ethernet source is the sensor's MAC;</item>
/// <item>trigger → both ends: → the later of the two RSTs that tore an end down. An end is torn down on the wire by
/// the first RST toward it whose seq equals its rcv_nxt (the end of the last segment it was sent; RFC 5961 exact
/// match), and the report tells whether that RST was the sensor's or an endpoint kernel's;</item>
/// <item>both ends torn down: each endpoint program's own report (ConnectionResetError on that socket);</item>
/// <item>inside the sensor: the trigger's capture timestamp → the pair handed to pcap_sendpacket (same clock).</item>
/// </list>
/// </summary>
internal sealed class RstLatencyReport(int connections, List<WireSegment> segments, (ResetTrigger Trigger, long SentTicks)[] triggers,
    IReadOnlyDictionary<string, (string What, long UnixNs)> ends, MacAddress sensorMac)
{
    public IEnumerable<string> Lines()
    {
        var server = IpAddr.Parse(RstTopology.Server);
        var flows = new Dictionary<IpAddr, List<WireSegment>>();
        foreach (var s in segments)
        {
            var client = s.Source == server ? s.Destination : s.Source;
            if (!flows.TryGetValue(client, out var list)) flows[client] = list = [];
            list.Add(s);
        }
        var firstTrigger = new Dictionary<IpAddr, (ResetTrigger Trigger, long SentTicks)>();
        foreach (var t in triggers)
            firstTrigger.TryAdd(t.Trigger.SourceIp == server ? t.Trigger.DestinationIp : t.Trigger.SourceIp, t);

        List<double> toFirst = [], toBoth = [], inSensor = [];
        int endpointsBoth = 0, wireBoth = 0, clientBySensor = 0, serverBySensor = 0, noTrigger = 0, triggerNotOnWire = 0;
        string first = "none";
        for (int i = 0; i < connections; i++)
        {
            var client = IpAddr.Parse(RstTopology.Client(i));
            bool clientReset = ends.TryGetValue($"c:{i}", out var c) && c.What == "RESET";
            bool serverReset = ends.TryGetValue($"s:{RstTopology.Client(i)}", out var s) && s.What == "RESET";
            if (clientReset && serverReset) endpointsBoth++;
            if (!firstTrigger.TryGetValue(client, out var trigger))
            {
                noTrigger++;
                continue;
            }
            inSensor.Add(Ms(trigger.SentTicks - trigger.Trigger.TimestampTicks));
            var flow = flows.GetValueOrDefault(client) ?? [];
            int at = flow.FindIndex(w => !w.IsRst && w.SourceMac != sensorMac && Same(w, trigger.Trigger));
            if (at < 0)
            {
                triggerNotOnWire++;
                continue;
            }
            long t0 = flow[at].Ticks;
            int rst = flow.FindIndex(at + 1, w => w.IsRst && w.SourceMac == sensorMac);
            if (rst >= 0) toFirst.Add(Ms(flow[rst].Ticks - t0));
            if (i == 0) first = rst >= 0 ? Ms(flow[rst].Ticks - t0).ToString("0.000", CultureInfo.InvariantCulture) : "no-rst";
            var (clientEnd, serverEnd) = TornDown(flow, client, server);
            if (clientEnd.Ticks > 0 && serverEnd.Ticks > 0)
            {
                wireBoth++;
                toBoth.Add(Ms(Math.Max(clientEnd.Ticks, serverEnd.Ticks) - t0));
            }
            if (clientEnd.BySensor) clientBySensor++;
            if (serverEnd.BySensor) serverBySensor++;
        }
        yield return LatencyStats.Line("rst-latency trigger->first-sensor-RST-on-wire", toFirst, connections - toFirst.Count,
            $" first_connection_ms={first}");
        yield return LatencyStats.Line("rst-latency trigger->both-ends-hit-by-accepted-RST", toBoth, connections - toBoth.Count);
        yield return LatencyStats.Line("rst-latency sensor:capture-timestamp->pair-sent", inSensor, connections - inSensor.Count);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"mode=rst-latency-teardown connections={connections} both_ends_reset_by_endpoint_report={endpointsBoth} "
            + $"both_ends_hit_on_wire={wireBoth} client_end_by_sensor_rst={clientBySensor} server_end_by_sensor_rst={serverBySensor} "
            + $"no_trigger={noTrigger} trigger_not_on_wire={triggerNotOnWire} rst_pairs={triggers.Length}");
    }

    private static double Ms(long ticks) => ticks / (double)TimeSpan.TicksPerMillisecond;

    private static bool Same(in WireSegment w, in ResetTrigger t) =>
        w.Source == t.SourceIp && w.Destination == t.DestinationIp && w.SourcePort == t.SourcePort && w.DestinationPort == t.DestinationPort
        && w.Sequence == t.Sequence && w.Acknowledgment == t.Acknowledgment && w.Flags == t.Flags && w.PayloadLength == t.PayloadLength;

    /// <summary>When each end was hit by a RST it accepts (seq == its rcv_nxt), and whether the sensor sent it.</summary>
    private (End Client, End Server) TornDown(List<WireSegment> flow, IpAddr client, IpAddr server)
    {
        uint? clientNext = null, serverNext = null;
        End clientEnd = default, serverEnd = default;
        foreach (var w in flow)
        {
            bool toClient = w.Destination == client;
            if (!w.IsRst)
            {
                if (toClient) clientNext = w.End;
                else if (w.Destination == server) serverNext = w.End;
                continue;
            }
            var end = new End(w.Ticks, w.SourceMac == sensorMac);
            if (toClient && clientEnd.Ticks == 0 && w.Sequence == clientNext) clientEnd = end;
            else if (!toClient && serverEnd.Ticks == 0 && w.Sequence == serverNext) serverEnd = end;
        }
        return (clientEnd, serverEnd);
    }

    private readonly record struct End(long Ticks, bool BySensor);
}
