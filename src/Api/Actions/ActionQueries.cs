using AutoRespond.Contracts;
using AutoRespond.Responders.Confirmation;
using AutoRespond.Responders.Expiry;
using AutoRespond.Storage;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Api.Actions;

/// <summary>Read side of the ledger for the API: filtered lists and single actions with history.</summary>
internal sealed class ActionQueries(IDbContextFactory<AutoRespondDbContext> contexts, IActionLedger ledger, ConfirmationService confirmations)
{
    public async Task<IReadOnlyList<ActionView>> ListAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Actions.AsNoTracking().Include(a => a.History).AsQueryable();
        if (filter.States is { Count: > 0 } states) { string[] s = [.. states]; rows = rows.Where(a => s.Contains(a.State)); }
        if (filter.Incident is { } incident) rows = rows.Where(a => a.IncidentId == incident);
        if (filter.Kind is { } kind) rows = rows.Where(a => a.Kind == kind);
        if (filter.Target is { } target) rows = rows.Where(a => a.Target == target);
        if (filter.Since is { } since) { var utc = since.ToUniversalTime(); rows = rows.Where(a => a.CreatedAt >= utc); }
        var list = await rows.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Take(filter.Limit).ToListAsync(cancellationToken);
        return list.ConvertAll(a => View(a, withHistory: false));
    }

    public Task<IReadOnlyList<ActionView>> ForIncidentAsync(string incidentId, CancellationToken cancellationToken) =>
        ListAsync(new ActionFilter(null, incidentId, null, null, null, 500), cancellationToken);

    public async Task<ActionView?> GetAsync(string id, CancellationToken cancellationToken) =>
        await ledger.GetAsync(id, cancellationToken) is { } snapshot ? View(snapshot, withHistory: true) : null;

    private ActionView View(ActionEntity a, bool withHistory)
    {
        var history = a.History.OrderBy(h => h.Sequence)
            .Select(h => new ActionStateChange(h.Sequence, h.Time, h.FromState, h.ToState, h.Actor, h.Detail)).ToList();
        var snapshot = new ActionSnapshot(new ActionLedgerEntry(a.Id, a.IncidentId, a.Kind, a.Target, a.State, a.CreatedAt, a.ExpiresAt,
            a.PolicyVersion, a.WindowName, a.Reason), a.UpdatedAt, history);
        return View(snapshot, withHistory);
    }

    private ActionView View(ActionSnapshot s, bool withHistory)
    {
        var a = s.Action;
        return new ActionView(a.ActionId, a.IncidentId, a.Kind, a.Target, a.State, a.CreatedAt, LedgerMarkers.EffectiveExpiry(s),
            s.UpdatedAt, a.PolicyVersion, a.WindowName, a.Reason,
            a.State == ActionStates.AwaitingConfirmation ? confirmations.DeadlineOf(s) : null, withHistory ? s.History : null);
    }
}

/// <summary>Filters of an action list; <see cref="States"/> matches any of them.</summary>
internal sealed record ActionFilter(IReadOnlyList<string>? States, string? Incident, string? Kind, string? Target, DateTimeOffset? Since, int Limit);
