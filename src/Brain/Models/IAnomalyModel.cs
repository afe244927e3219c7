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

    void Observe(NetworkEvent e, BrainContext context);
}
