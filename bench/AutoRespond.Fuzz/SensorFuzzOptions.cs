using AutoRespond.Sensor;
using AutoRespond.Sensor.Flows;

namespace AutoRespond.Fuzz;

/// <summary>How <see cref="SensorFuzzer"/> drives the sensor.</summary>
public sealed record SensorFuzzOptions
{
    /// <summary>The sensor under test; a small flow table so eviction is exercised too.</summary>
    public SensorOptions Sensor { get; init; } = new()
    {
        Flows = new FlowTableOptions { MaxFlows = 64 },
        MaxDevices = 4096,
    };

    /// <summary>Share of packets mutated; the rest carry handshakes and context so mutations reach deep states.</summary>
    public double MutationRate { get; init; } = 0.6;

    /// <summary>Packets of a seed trace replayed in one go (a window starting at a random packet).</summary>
    public int WindowPackets { get; init; } = 400;

    /// <summary>An engine is completed (every flow flushed) and replaced after this many packets.</summary>
    public int PacketsPerEngine { get; init; } = 250_000;

    /// <summary>Invariants (flow table and reassembly bounds, decoder accounting) are checked this often.</summary>
    public int CheckEvery { get; init; } = 4096;
}
