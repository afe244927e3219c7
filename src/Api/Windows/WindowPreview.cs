using System.Net;
using AutoRespond.Api.Actions;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Api.Windows;

/// <summary>
/// "Which actions of the last N days would this window have changed?" Every ledger action created in the range is
/// put to the window as the change-window gate would (device or user, zone, kind; the occurrence open at the action's
/// time): suppress → <c>suppressed-by-window</c> (tickets too), cap → <c>capped-by-window</c> (not tickets; only steps
/// above cap_score, which the ledger does not keep, so this is an upper bound), confirm → <c>awaiting-confirmation</c>
/// (not tickets). Actions already in that state are not listed.
/// </summary>
internal sealed class WindowPreview(ActionQueries actions, AutoRespondConfig config, TimeProvider time)
{
    public const int MaxDays = 90;
    private const int MaxActions = 5000;

    public async Task<WindowPreviewResult> RunAsync(WindowConfig window, int days, CancellationToken cancellationToken)
    {
        var to = time.GetUtcNow();
        var from = to - TimeSpan.FromDays(days);
        var recent = await actions.ListAsync(new ActionFilter(null, null, null, null, from, MaxActions), cancellationToken);
        var evaluator = new ChangeWindowEvaluator([], config.Network);
        var schedule = WindowSchedule.For(window);
        var changed = new List<PreviewedAction>();
        foreach (var action in recent.OrderBy(a => a.CreatedAt))
        {
            var subject = SubjectOf(action);
            if (!evaluator.Covers(window, subject) || schedule.OccurrenceAt(action.CreatedAt) is not { } occurrence) continue;
            string? wouldBe = window.Effect switch
            {
                WindowEffect.Suppress => ActionStates.SuppressedByWindow,
                _ when action.Kind == ActionKinds.Ticket => null,
                WindowEffect.Cap => ActionStates.CappedByWindow,
                _ => ActionStates.AwaitingConfirmation,
            };
            if (wouldBe is null || wouldBe == action.State) continue;
            changed.Add(new PreviewedAction(action, wouldBe, occurrence.Start, occurrence.End));
        }
        return new WindowPreviewResult(window.Name, days, from, to, recent.Count, changed);
    }

    private WindowSubject SubjectOf(ActionView action)
    {
        if (action.Target.Contains('@', StringComparison.Ordinal)) return new WindowSubject("", null, action.Target, action.Kind);
        string? user = null, zone = null;
        if (IPAddress.TryParse(action.Target, out var ip))
        {
            user = config.Integrations.Users.GetValueOrDefault(ip);
            zone = config.Network.ZoneOf(ip, null)?.Name;
        }
        return new WindowSubject(action.Target, zone, user, action.Kind);
    }
}
