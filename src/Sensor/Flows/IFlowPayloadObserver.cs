using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>
/// Sees each accepted TCP/UDP packet after the flow table accounted it, and each flow just before its record is
/// built, so dissectors can follow payloads, flush pending requests and set the flow's service. Called on the table's
/// thread; must not throw.
/// </summary>
internal interface IFlowPayloadObserver
{
    /// <summary>A TCP or UDP packet of a flow whose <see cref="FlowState.Dissector"/> is not negative.</summary>
    void OnPacket(ref FlowState flow, bool isOrig, in DecodedPacket packet, long ticks);

    /// <summary>The flow ends (its record is built right after); release its dissector state.</summary>
    void OnFlowEnding(ref FlowState flow, long ticks);
}
