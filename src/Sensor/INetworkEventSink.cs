using AutoRespond.Contracts;

namespace AutoRespond.Sensor;

/// <summary>Where the sensor delivers its events; called on the capture thread in non-decreasing event time.</summary>
public interface INetworkEventSink
{
    void Publish(NetworkEvent networkEvent);

    /// <summary>Packet time has reached <paramref name="packetTime"/>: the consumer's clock follows the capture.</summary>
    void AdvanceTo(DateTimeOffset packetTime);
}
