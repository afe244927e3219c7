namespace AutoRespond.Sensor.Reassembly;

/// <summary>Bounds of per-direction TCP reassembly (DETECTION.md §1.0: cap buffers, 64 KiB for handshakes).</summary>
public sealed record ReassemblyOptions
{
    /// <summary>Bytes of an unfinished PDU kept per direction; beyond it the PDU is dropped and counted.</summary>
    public int MaxBufferedBytes { get; init; } = 64 * 1024;

    /// <summary>A PDU that announces more than this is skipped (its bytes are counted, never buffered).</summary>
    public int MaxPduBytes { get; init; } = 64 * 1024;

    /// <summary>Out-of-order segments held per direction while waiting for the missing bytes.</summary>
    public int MaxHeldSegments { get; init; } = 8;

    /// <summary>Bytes of out-of-order segments held per direction.</summary>
    public int MaxHeldBytes { get; init; } = 64 * 1024;
}
