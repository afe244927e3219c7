using AutoRespond.Sensor.Reassembly;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>Protocol dissection settings (DETECTION.md §1).</summary>
public sealed record DissectorOptions
{
    /// <summary>Run the dissectors at all (off: flows only, no protocol events, no service).</summary>
    public bool Enabled { get; init; } = true;

    public ReassemblyOptions Reassembly { get; init; } = new();

    /// <summary>ICS requests awaiting their response per flow; the oldest is reported as outcome unknown beyond it.</summary>
    public int MaxPendingRequests { get; init; } = 32;

    /// <summary>A request still unanswered after this (packet time) is reported with outcome unknown.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>MAC → DHCP host name entries remembered (for DeviceSeen.Hostname).</summary>
    public int MaxHostnames { get; init; } = 100_000;
}
