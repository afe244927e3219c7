using AutoRespond.Contracts;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Simulation.Tests.Support;

/// <summary>Reads captures back with the project's own sensor.</summary>
internal static class Packets
{
    /// <summary>Every flow of the capture as the sensor's flow table ends it (Zeek conn.log semantics).</summary>
    public static IReadOnlyList<FlowRecord> Flows(string capture)
    {
        var sink = new Sink();
        var sensor = new SensorEngine(new SensorOptions { ReportDevices = false }, sink);
        using (var reader = CaptureFileReader.Open(capture))
        {
            while (reader.TryReadNext(out var packet)) sensor.Process(packet);
        }
        sensor.Complete();
        return sink.Flows;
    }

    private sealed class Sink : INetworkEventSink
    {
        public List<FlowRecord> Flows { get; } = [];

        public void Publish(NetworkEvent networkEvent)
        {
            if (networkEvent is FlowObserved { Phase: FlowPhase.Ended, Flow: var flow }) Flows.Add(flow);
        }

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }
}
