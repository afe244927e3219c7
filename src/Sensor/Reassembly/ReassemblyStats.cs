namespace AutoRespond.Sensor.Reassembly;

/// <summary>Counters of the TCP reassembly that feeds the dissectors (all directions of all flows).</summary>
public sealed class ReassemblyStats
{
    /// <summary>Segments carrying payload that reached a followed stream.</summary>
    public long Segments { get; internal set; }

    /// <summary>Segments whose bytes had all been delivered already (retransmissions), ignored.</summary>
    public long Retransmissions { get; internal set; }

    /// <summary>Segments that partly overlapped delivered bytes; the overlap was trimmed.</summary>
    public long Overlaps { get; internal set; }

    /// <summary>Segments that arrived ahead of a hole and were held until it filled or was given up.</summary>
    public long OutOfOrder { get; internal set; }

    /// <summary>Holes given up on (never captured, too many segments held, or the flow ended).</summary>
    public long Gaps { get; internal set; }

    /// <summary>Segments captured shorter than their wire length (snap length): their tail is a gap.</summary>
    public long Truncated { get; internal set; }

    /// <summary>Unfinished PDUs dropped because they outgrew <see cref="ReassemblyOptions.MaxBufferedBytes"/>.</summary>
    public long Overflows { get; internal set; }

    /// <summary>PDUs longer than <see cref="ReassemblyOptions.MaxPduBytes"/>, skipped without buffering.</summary>
    public long OversizePdus { get; internal set; }

    /// <summary>Times a stream lost PDU framing (bytes that cannot start a PDU) and waited for a new PDU start.</summary>
    public long Desyncs { get; internal set; }

    /// <summary>Segments dropped while waiting for a segment that starts a PDU again.</summary>
    public long ResyncDrops { get; internal set; }

    /// <summary>PDUs still unfinished when their flow ended (their bytes never all arrived), dropped.</summary>
    public long Unfinished { get; internal set; }

    /// <summary>Bytes copied into reassembly buffers (the zero-copy path copies none).</summary>
    public long BytesBuffered { get; internal set; }

    /// <summary>Largest unfinished PDU held by one direction so far (bounded by <see cref="ReassemblyOptions.MaxBufferedBytes"/>).</summary>
    public int PeakPduBufferBytes { get; internal set; }

    /// <summary>Most out-of-order bytes held by one direction so far (bounded by <see cref="ReassemblyOptions.MaxHeldBytes"/>
    /// plus the one segment that forces the oldest hole to be given up).</summary>
    public int PeakHeldBytes { get; internal set; }
}
