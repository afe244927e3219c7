using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>One capture through the whole sensor: its events, flows (by uid) and counters.</summary>
internal sealed class DissectorRun
{
    private DissectorRun(List<NetworkEvent> events, SensorStats stats)
    {
        Events = events;
        Stats = stats;
        Flows = events.OfType<FlowObserved>().Where(f => f.Phase == FlowPhase.Ended)
            .ToDictionary(f => f.Flow.Uid, f => f.Flow, StringComparer.Ordinal);
    }

    public List<NetworkEvent> Events { get; }

    public SensorStats Stats { get; }

    public Dictionary<string, FlowRecord> Flows { get; }

    public static DissectorRun Of(string relativeCapture, SensorOptions? options = null)
    {
        var sink = new CollectingSink();
        var engine = new SensorEngine(options ?? new SensorOptions(), sink);
        using (var reader = CaptureFileReader.Open(Captures.Path(relativeCapture)))
        {
            while (reader.TryReadNext(out RawPacket packet))
            {
                engine.Process(packet);
            }
        }

        engine.Complete();
        engine.Stats.Dissectors.FaultsTotal.ShouldBe(0, "a dissector threw on " + relativeCapture);
        return new DissectorRun(sink.Events, engine.Stats);
    }

    public IEnumerable<T> Of<T>() where T : NetworkEvent => Events.OfType<T>();

    /// <summary>ICS commands of one protocol, in emission order (request order within a flow).</summary>
    public List<IcsCommandSeen> Ics(string protocol) => Of<IcsCommandSeen>().Where(e => e.Protocol == protocol).ToList();

    /// <summary>
    /// The endpoint pair of an event's flow, "a:port b:port" in sorted order: a baseline row and an event meet on it
    /// even where the two tools picked different originators (or split one connection into two flows).
    /// </summary>
    public string ConnKey(string uid)
    {
        FlowRecord f = Flows[uid];
        return Pair(f.OrigIp, f.OrigPort.ToString(CultureInfo.InvariantCulture), f.RespIp, f.RespPort.ToString(CultureInfo.InvariantCulture));
    }

    public static string ConnKey(Dictionary<string, string> row)
        => Pair(row["id.orig_h"], row["id.orig_p"], row["id.resp_h"], row["id.resp_p"]);

    private static string Pair(string a, string aPort, string b, string bPort)
    {
        string x = a + ":" + aPort, y = b + ":" + bPort;
        return string.CompareOrdinal(x, y) <= 0 ? x + " " + y : y + " " + x;
    }
}
