namespace AutoRespond.Sensor.Dissectors;

/// <summary>
/// Counters per dissector (tls, rdp, iso-cotp, modbus, dnp3, enip, dhcp, dns, cip-io, http): flows followed, PDUs parsed,
/// malformed PDUs skipped, flows whose payload turned out not to be the protocol their port suggests, events
/// published, and faults (a parser threw: the flow's dissection stopped; tests keep this at zero).
/// </summary>
public sealed class DissectorStats
{
    internal readonly long[] Flows = new long[DissectorKinds.Count];
    internal readonly long[] Pdus = new long[DissectorKinds.Count];
    internal readonly long[] Malformed = new long[DissectorKinds.Count];
    internal readonly long[] Mismatches = new long[DissectorKinds.Count];
    internal readonly long[] Events = new long[DissectorKinds.Count];
    internal readonly long[] Faults = new long[DissectorKinds.Count];

    /// <summary>Dissector sessions started.</summary>
    public long FlowsFollowed => Flows.Sum();

    public long PdusParsed => Pdus.Sum();

    /// <summary>Malformed PDUs (or datagrams) counted and skipped, all dissectors.</summary>
    public long MalformedTotal => Malformed.Sum();

    /// <summary>Flows on a protocol's port whose first PDU failed that protocol's validation.</summary>
    public long MismatchesTotal => Mismatches.Sum();

    public long EventsPublished => Events.Sum();

    /// <summary>Parser exceptions caught at the packet loop (a bug: each stops one flow's dissection).</summary>
    public long FaultsTotal => Faults.Sum();

    /// <summary>Malformed counts by dissector name (only non-zero ones).</summary>
    public IReadOnlyDictionary<string, long> MalformedByDissector() => ByName(Malformed);

    /// <summary>Every non-zero counter as "dissector.counter" (e.g. "modbus.malformed").</summary>
    public IReadOnlyDictionary<string, long> Counters()
    {
        var all = new SortedDictionary<string, long>(StringComparer.Ordinal);
        Add(all, "flows", Flows);
        Add(all, "pdus", Pdus);
        Add(all, "malformed", Malformed);
        Add(all, "mismatches", Mismatches);
        Add(all, "events", Events);
        Add(all, "faults", Faults);
        return all;
    }

    private static SortedDictionary<string, long> ByName(long[] values)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                result[DissectorKinds.Names[i]] = values[i];
            }
        }

        return result;
    }

    private static void Add(SortedDictionary<string, long> all, string counter, long[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                all[DissectorKinds.Names[i] + "." + counter] = values[i];
            }
        }
    }
}
