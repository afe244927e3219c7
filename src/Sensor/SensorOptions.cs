using AutoRespond.Sensor.Flows;

namespace AutoRespond.Sensor;

/// <summary>Sensor settings: flow table limits and timers, device tracking bound.</summary>
public sealed record SensorOptions
{
    public FlowTableOptions Flows { get; init; } = new();

    /// <summary>Distinct (MAC, IP) pairs remembered for <c>DeviceSeen</c>; the oldest is forgotten beyond it.</summary>
    public int MaxDevices { get; init; } = 100_000;

    /// <summary>Publish <c>DeviceSeen</c> events.</summary>
    public bool ReportDevices { get; init; } = true;
}
