using AutoRespond.Contracts;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Flows;

namespace AutoRespond.Sensor.Tests.Support;

/// <summary>Records everything a <see cref="SensorEngine"/> or <see cref="FlowTable"/> reports.</summary>
internal sealed class CollectingSink : INetworkEventSink, IFlowObserver
{
    public List<NetworkEvent> Events { get; } = [];

    public List<DateTimeOffset> Advances { get; } = [];

    public List<(FlowRecord Flow, DateTimeOffset Time)> Ended { get; } = [];

    public List<(FlowRecord Flow, DateTimeOffset Time)> Attempts { get; } = [];

    public IEnumerable<FlowRecord> EndedFlows =>
        Ended.Select(e => e.Flow).Concat(Events.OfType<FlowObserved>().Where(e => e.Phase == FlowPhase.Ended).Select(e => e.Flow));

    public void Publish(NetworkEvent networkEvent) => Events.Add(networkEvent);

    public void AdvanceTo(DateTimeOffset packetTime) => Advances.Add(packetTime);

    public void OnAttemptTimedOut(FlowRecord flow, DateTimeOffset time) => Attempts.Add((flow, time));

    public void OnFlowEnded(FlowRecord flow, DateTimeOffset time) => Ended.Add((flow, time));
}
