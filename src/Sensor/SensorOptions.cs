using AutoRespond.Sensor.Dissectors;
using AutoRespond.Sensor.Flows;

namespace AutoRespond.Sensor;

/// <summary>Sensor settings: flow table limits and timers, device tracking bound, dissectors.</summary>
public sealed record SensorOptions
{
    public FlowTableOptions Flows { get; init; } = new();

    /// <summary>Distinct (MAC, IP) pairs remembered for <c>DeviceSeen</c>; the oldest is forgotten beyond it.</summary>
    public int MaxDevices { get; init; } = 100_000;

    /// <summary>Publish <c>DeviceSeen</c> events.</summary>
    public bool ReportDevices { get; init; } = true;

    /// <summary>Protocol dissectors (TLS, RDP, S7comm, Modbus, DNP3, EtherNet/IP, DHCP) and their reassembly.</summary>
    public DissectorOptions Dissectors { get; init; } = new();
}
