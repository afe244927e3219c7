using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.9. DISCOVER-class ICS commands (S7 SZL reads, block lists, read clock; S7+ Explore; Modbus
/// 17, 43/14, 8/0000, 11, 12; UMAS identification; ENIP ListIdentity/ListServices, Get_Attributes_All on
/// Identity; DNP3 READ of group 0) new for their (src, dst) pair — the statistics of
/// <see cref="NewIcsCommandsModel"/>. Breach: s ≥ 0.5 ∧ (N_new ≥ 3 ∨ D ≥ 2). An HMI that reads the same SZL
/// ids on every connect has them in its pair baseline.
/// </summary>
public sealed class NewIcsDiscoverCommandsModel : NewIcsCommandsModel
{
    public const int MinNew = 3;
    public const int MinTargets = 2;

    public override string Id => ModelIds.NewIcsDiscoverCommands;

    protected override bool Accepts(IcsCommandSeen command) => IcsSemantics.IsDiscover(command);

    protected override void OnNew(DeviceProfile src, IcsCommandSeen command, NewItems items, BrainContext context)
    {
        if (items.Count < MinNew && items.Targets < MinTargets) return;
        if (items.Score < Scoring.BreachThreshold) return;
        context.Propose(Id, src, items.Score, Describe(src, items, "discovery") + ".", Evidence(items, command), items.Peers);
    }
}
