using System.Globalization;
using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Brain.Statistics;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §2.11. One program-transfer command suffices (S7 download/upload blocks and PI activation or
/// delete; S7+ object sequences; Modbus/UMAS program codes; DNP3 config/file ops; CIP create/delete/save).
/// P(src reprograms at all) ≈ 0 for a device without the engineering-workstation role in baseline, so
/// floors apply: writing logic (download, activation, delete) by a non-EWS 0.95, reading it out (upload) 0.8
/// (once per controller and direction: a repeat is scored like an EWS's); an EWS to a controller it never
/// programmed 0.6. Otherwise the EWS's hour-of-week is scored: the DP tail
/// of the hour-of-week bin among its transfer-hours (UTC), m = its transfer-hours per day. A transfer to the
/// controller that did not fail carries <c>critical: true</c> (the correlator's IT-zone override).
/// </summary>
public sealed class UncommonIcsReprogramModel : IAnomalyModel
{
    public const double NonEwsWriteFloor = 0.95;
    public const double NonEwsReadFloor = 0.8;
    public const double NewControllerFloor = 0.6;
    private static readonly TimeSpan Dedupe = TimeSpan.FromHours(1);

    private readonly CategoricalCounts<string> _controllers = new(v => v, k => k);
    private readonly CategoricalCounts<int> _hours = new(v => v.ToString(CultureInfo.InvariantCulture), k => int.Parse(k, CultureInfo.InvariantCulture));

    public string Id => ModelIds.UncommonIcsReprogram;

    public EventKinds Reads => EventKinds.IcsCommand;

    public void Observe(NetworkEvent e, BrainContext context)
    {
        if (e is not IcsCommandSeen command || !IcsSemantics.IsProgramTransfer(command)) return;
        var src = context.Devices.Find(command.Client);
        if (src is null) return;
        var halfLife = context.Options.IcsHalfLife;
        var now = context.Now;
        int hour = HourOfWeek(now);
        Score(src, command, hour, context);
        if (!context.Learns) return;
        _controllers.Add(src.Id, command.Server, now, halfLife, Dedupe);
        _controllers.Add(src.Id, TransferKey(command), now, halfLife, Dedupe);
        _hours.Add(src.Id, hour, now, halfLife, Dedupe);
    }

    private void Score(DeviceProfile src, IcsCommandSeen command, int hour, BrainContext context)
    {
        var halfLife = context.Options.IcsHalfLife;
        var now = context.Now;
        var direction = IcsSemantics.DirectionOf(command);
        bool ews = context.HasRole(src, DeviceRole.EngineeringWorkstation);
        bool newController = _controllers.Count(src.Id, command.Server, now, halfLife) < 0.5;
        double transfers = _hours.Total(src.Id, now, halfLife);
        double c = HierarchicalCategorical<int>.DefaultConcentration;
        double pi = _hours.Count(src.Id, hour, now, halfLife) >= 0.5
            ? _hours.LevelTail(src.Id, hour, c, now, halfLife)
            : c / (transfers + c);
        double score = Scoring.Sidak(pi, Rates.PerDay(transfers, now - src.FirstSeen, halfLife));
        string reason;
        bool repeat = _controllers.Count(src.Id, TransferKey(command), now, halfLife) >= 0.5;
        if (!ews && !repeat)
        {
            score = Math.Max(score, direction == ProgramDirection.ToDevice ? NonEwsWriteFloor : NonEwsReadFloor);
            reason = "a device that is not an engineering workstation";
        }
        else if (ews && newController)
        {
            score = Math.Max(score, NewControllerFloor);
            reason = "an engineering workstation, to a controller it never programmed";
        }
        else reason = string.Create(CultureInfo.InvariantCulture,
            $"{(ews ? "an engineering workstation" : "repeating a transfer it made before")}, at an unusual hour of the week (p = {pi:0.####})");
        if (score < Scoring.BreachThreshold) return;

        bool critical = direction == ProgramDirection.ToDevice && !IcsSemantics.Failed(command);
        string verb = direction == ProgramDirection.ToDevice ? "wrote program logic to" : "read program logic from";
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{src.Ip}, {reason}, {verb} {command.Server} ({command.Protocol} {command.Function}{(command.Detail is null ? "" : " " + command.Detail)}, {command.Outcome}); it made {transfers:0} program transfers in its recent history.");
        var evidence = new Dictionary<string, object>
        {
            ["flow_uid"] = command.FlowUid,
            ["protocol"] = command.Protocol,
            ["command"] = command.Function,
            ["code"] = command.Code,
            ["detail"] = command.Detail ?? "",
            ["direction"] = direction == ProgramDirection.ToDevice ? "to-controller" : "from-controller",
            ["outcome"] = command.Outcome,
            ["engineering_workstation"] = ews,
            ["new_controller"] = newController,
            ["critical"] = critical,
            ["p_hour_of_week"] = pi,
        };
        // Another controller (or direction) is a new peer: it breaches within the cool-down too.
        context.Propose(Id, src, score, summary, evidence, [command.Server], TransferKey(command));
    }

    /// <summary>The controller and direction of a transfer (a second identical one by a non-EWS is not new).</summary>
    private static string TransferKey(IcsCommandSeen command) =>
        command.Server + (IcsSemantics.DirectionOf(command) == ProgramDirection.ToDevice ? ">write" : ">read");

    private static int HourOfWeek(DateTimeOffset time) => (int)time.UtcDateTime.DayOfWeek * 24 + time.UtcDateTime.Hour;

    public IReadOnlyList<TableSnapshot> Export()
    {
        var tables = new List<TableSnapshot>();
        tables.AddRange(_controllers.Export("controllers"));
        tables.AddRange(_hours.Export("hours"));
        return tables;
    }

    public void Import(StateSnapshot state)
    {
        _controllers.Import(state, "controllers");
        _hours.Import(state, "hours");
    }
}
