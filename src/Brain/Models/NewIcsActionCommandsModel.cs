using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.10. WRITE/ACTION-class ICS commands whose key (protocol, command, target bucket) is new for
/// their (src, dst) pair — the statistics of <see cref="NewIcsCommandsModel"/>. Breach: N_new ≥ 2 with
/// s ≥ 0.5, or one new critical command (PLC stop/start, memory reset, cold/warm restart, STOP_APPL, force
/// listen-only) with score floor 0.8 and evidence <c>critical: true</c> (the correlator's IT-zone override).
/// Outcomes are reported (a failed command is "attempted").
/// </summary>
public sealed class NewIcsActionCommandsModel : NewIcsCommandsModel
{
    public const int MinNew = 2;
    public const double CriticalFloor = 0.8;

    public override string Id => ModelIds.NewIcsActionCommands;

    protected override bool Accepts(IcsCommandSeen command) => IcsSemantics.IsAction(command);

    protected override void OnNew(DeviceProfile src, IcsCommandSeen command, NewItems items, BrainContext context)
    {
        bool critical = IcsSemantics.IsCritical(command);
        double score = items.Count >= MinNew ? items.Score : 0;
        if (critical) score = Math.Max(score, CriticalFloor);
        if (score < Scoring.BreachThreshold) return;
        var evidence = Evidence(items, command);
        evidence["critical"] = critical;
        evidence["command"] = command.Function;
        evidence["outcome"] = command.Outcome;
        string summary = Describe(src, items, "write/control")
            + (critical ? $"; {command.Function} to {command.Server} is a critical command ({command.Outcome})." : ".");
        // A new critical command breaches even within the cool-down of an earlier write breach.
        context.Propose(Id, src, score, summary, evidence, items.Peers, critical ? command.Server + " " + command.Function : null);
    }
}
