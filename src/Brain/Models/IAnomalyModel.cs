using AutoRespond.Brain.Snapshot;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// One model of CONTRACT.md §4. It learns from every event and proposes breaches through
/// <see cref="BrainContext.Propose"/>, which applies the learning period, the 0.5 threshold and the
/// per-(model, device) cool-down, so models hold statistics only. It learns only when
/// <see cref="BrainContext.Learns"/> (not inside a change window), and saves all of its state in a snapshot.
/// </summary>
public interface IAnomalyModel : ISnapshotState
{
    /// <summary>The stable model id (<see cref="ModelIds"/>).</summary>
    new string Id { get; }

    /// <summary>
    /// The kinds of event the model reads; the engine hands it no others. A model must do nothing at all
    /// (no learning, no clock-driven sweep) with an event of a kind it leaves out.
    /// </summary>
    EventKinds Reads => EventKinds.All;

    void Observe(NetworkEvent e, BrainContext context);
}

/// <summary>The kinds of <see cref="NetworkEvent"/>, as flags (what a model reads).</summary>
[Flags]
public enum EventKinds
{
    None = 0,
    Flow = 1 << 0,
    DeviceSeen = 1 << 1,
    TlsHello = 1 << 2,
    TlsCertificate = 1 << 3,
    Rdp = 1 << 4,
    IcsCommand = 1 << 5,
    Dhcp = 1 << 6,
    DnsAnswer = 1 << 7,
    JsonRpc = 1 << 8,

    /// <summary>Any other event type (one added to the contracts later).</summary>
    Other = 1 << 9,
    All = (1 << 10) - 1,
}

/// <summary>Maps an event to its <see cref="EventKinds"/> flag.</summary>
public static class EventKindOf
{
    public static EventKinds Of(NetworkEvent e) => e switch
    {
        FlowObserved => EventKinds.Flow,
        IcsCommandSeen => EventKinds.IcsCommand,
        DnsAnswerSeen => EventKinds.DnsAnswer,
        TlsHelloSeen => EventKinds.TlsHello,
        TlsCertificateSeen => EventKinds.TlsCertificate,
        DeviceSeen => EventKinds.DeviceSeen,
        DhcpSeen => EventKinds.Dhcp,
        RdpRequestSeen => EventKinds.Rdp,
        JsonRpcSeen => EventKinds.JsonRpc,
        _ => EventKinds.Other,
    };

    /// <summary>The bit index of a single kind (0 for <see cref="EventKinds.Flow"/>).</summary>
    internal static int Index(EventKinds kind) => System.Numerics.BitOperations.TrailingZeroCount((int)kind);

    internal const int Count = 10;
}
