using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Dissectors;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Reassembly;

namespace AutoRespond.Sensor;

/// <summary>Live counters of a <see cref="SensorEngine"/>.</summary>
public sealed class SensorStats
{
    private readonly DecoderStats _decoder;
    private readonly FlowTable _flows;

    internal SensorStats(DecoderStats decoder, FlowTable flows)
    {
        _decoder = decoder;
        _flows = flows;
    }

    /// <summary>Per-dissector counters: flows followed, PDUs, malformed PDUs skipped, mismatches, events, faults.</summary>
    public DissectorStats Dissectors { get; } = new();

    /// <summary>TCP reassembly counters (retransmissions, out-of-order, gaps, overflows).</summary>
    public ReassemblyStats Reassembly { get; } = new();

    public long Packets { get; internal set; }

    /// <summary>Wire bytes (original frame lengths).</summary>
    public long Bytes { get; internal set; }

    /// <summary>Frames that decoded (IP, ARP or other link-layer protocols).</summary>
    public long Decoded => Packets - _decoder.Failed - BadIpChecksum;

    /// <summary>IP packets accounted to a flow.</summary>
    public long FlowPackets { get; internal set; }

    /// <summary>Frames that failed to decode, by reason.</summary>
    public IReadOnlyDictionary<string, long> SkippedByReason()
    {
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, long> failure in _decoder.FailuresByReason())
        {
            reasons[failure.Key] = failure.Value;
        }

        Add(reasons, "NonIp", _decoder.NonIp);
        Add(reasons, "Arp", _decoder.Arp);
        Add(reasons, "NonFirstFragment", _decoder.Fragments);
        Add(reasons, "OtherIpProtocol", _decoder.OtherIpProtocol);
        Add(reasons, "BadIpChecksum", BadIpChecksum);
        return reasons;
    }

    /// <summary>IPv4 packets dropped for a bad header checksum (only when checksums are verified).</summary>
    public long BadIpChecksum { get; internal set; }

    public DecoderStats Decoder => _decoder;

    public long FlowsCreated => _flows.FlowsCreated;

    public long FlowsEnded => _flows.FlowsEnded;

    public int ActiveFlows => _flows.ActiveFlows;

    /// <summary>The most flows tracked at once.</summary>
    public int PeakActiveFlows => _flows.PeakActiveFlows;

    /// <summary>Bytes held by the flow table's structures (they grow to the peak and stay).</summary>
    public long FlowTableBytes => _flows.FootprintBytes;

    public long FlowsEvicted => _flows.FlowsEvicted;

    public long AttemptTimeouts => _flows.AttemptTimeouts;

    public long DevicesSeen { get; internal set; }

    private static void Add(IDictionary<string, long> d, string name, long value)
    {
        if (value != 0)
        {
            d[name] = value;
        }
    }
}
