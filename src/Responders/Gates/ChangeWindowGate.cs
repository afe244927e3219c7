using System.Globalization;
using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Responders.Gates;

/// <summary>
/// Change windows (one-off and RRULE, <see cref="ChangeWindowEvaluator"/>): planned work that must not be
/// actioned. Of the windows covering the action, the strictest effect wins: suppress (record only,
/// <c>suppressed-by-window</c>), then cap (steps above <c>cap_score</c> become <c>capped-by-window</c>), then
/// confirm (held: <c>awaiting-confirmation</c>). A suppress window records tickets only, too: "must not be
/// actioned" includes paging people about the planned work; every suppressed decision stays in the ledger.
/// Cap and confirm windows let tickets through (they are in every step and disrupt nothing). An action no
/// window covers but that resembles planned work is allowed with a note.
/// </summary>
public sealed class ChangeWindowGate : IResponseGate
{
    private readonly ChangeWindowEvaluator _evaluator;
    private readonly IReadOnlyDictionary<IPAddress, string> _users;

    public ChangeWindowGate(ChangeWindowEvaluator evaluator, IReadOnlyDictionary<IPAddress, string>? users = null)
    {
        _evaluator = evaluator;
        _users = users ?? new Dictionary<IPAddress, string>();
    }

    public ChangeWindowGate(IReadOnlyList<WindowConfig> windows, NetworkConfig network)
        : this(new ChangeWindowEvaluator(windows, network))
    {
    }

    public string Name => "change-window";

    public ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(action));

    private GateDecision Evaluate(PlannedAction action)
    {
        var subject = SubjectOf(action);
        var covering = _evaluator.Covering(subject, action.Time);
        if (covering.FirstOrDefault(o => o.Window.Effect == WindowEffect.Suppress) is { } suppress)
            return GateDecision.Deny(ActionStates.SuppressedByWindow, Why(suppress), suppress.Window.Name);
        if (action.Kind == ActionKinds.Ticket) return GateDecision.Allow;
        if (covering.Where(o => o.Window.Effect == WindowEffect.Cap && action.StepMinScore > (o.Window.CapScore ?? 0))
                .OrderBy(o => o.Window.CapScore).FirstOrDefault() is { } cap)
            return GateDecision.Deny(ActionStates.CappedByWindow, string.Create(CultureInfo.InvariantCulture,
                $"{Why(cap)}; ladder capped at score {cap.Window.CapScore:0.00}"), cap.Window.Name);
        if (covering.FirstOrDefault(o => o.Window.Effect == WindowEffect.Confirm) is { } confirm)
            return GateDecision.Hold(Why(confirm) + "; held for confirmation", confirm.Window.Name);
        if (covering.Count > 0) return GateDecision.Allow; // inside a cap window, at or below its cap
        return _evaluator.ResemblesPlannedWork(subject, action.Time) is { } note
            ? GateDecision.AllowWithNote(note)
            : GateDecision.Allow;
    }

    private WindowSubject SubjectOf(PlannedAction action)
    {
        string? user = action.User;
        if (user is null && IPAddress.TryParse(action.Target, out var ip)) user = _users.GetValueOrDefault(ip);
        return new WindowSubject(action.Target, action.Incident.Device.Zone, user, action.Kind);
    }

    private static string Why(WindowOccurrence occurrence) =>
        $"inside change window '{occurrence.Window.Name}' ({occurrence.Start.UtcDateTime:yyyy-MM-dd HH:mm}Z – {occurrence.End.UtcDateTime:yyyy-MM-dd HH:mm}Z)";
}
