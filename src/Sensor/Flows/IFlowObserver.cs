using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Flows;

/// <summary>Receives flow records from a <see cref="FlowTable"/>; called on the table's thread, in event-time order.</summary>
public interface IFlowObserver
{
    /// <summary>An opening SYN has gone unanswered for the attempt delay (Zeek's tcp_attempt_delay, 5 s).</summary>
    void OnAttemptTimedOut(FlowRecord flow, DateTimeOffset time);

    /// <summary>The flow reached its end (close/reset linger, inactivity, eviction, reuse or end of capture).</summary>
    void OnFlowEnded(FlowRecord flow, DateTimeOffset time);
}
