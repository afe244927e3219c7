using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Storage;

internal sealed partial class EfActionLedger(
    IDbContextFactory<AutoRespondDbContext> contexts, ILogger<EfActionLedger> logger) : IActionLedger
{
    public async Task<bool> RecordAsync(
        ActionLedgerEntry entry, string actor, string detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.ActionId, nameof(entry));
        LedgerStates.EnsureKnown(entry.State, nameof(entry));
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(detail);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Actions.AnyAsync(a => a.Id == entry.ActionId, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(entry.ActionId);
            return false;
        }

        db.Actions.Add(ActionMapping.ToEntity(entry, actor, detail));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another writer recorded the same id between our check and our insert: still idempotent.
            if (await ExistsAsync(entry.ActionId, cancellationToken).ConfigureAwait(false))
            {
                LogDuplicate(entry.ActionId);
                return false;
            }

            throw;
        }
    }

    public async Task<bool> TransitionAsync(
        string actionId,
        string toState,
        string actor,
        string detail,
        DateTimeOffset time,
        string? expectedState = null,
        string? undoState = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        LedgerStates.EnsureKnown(toState, nameof(toState));
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(detail);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var action = await db.Actions.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken).ConfigureAwait(false);
        if (action is null)
        {
            return false;
        }

        if (expectedState is not null && !string.Equals(action.State, expectedState, StringComparison.Ordinal))
        {
            LogUnexpectedState(actionId, expectedState, action.State);
            return false;
        }

        var readVersion = action.Version;
        var utc = time.ToUniversalTime();
        db.ActionStateChanges.Add(new ActionStateChangeEntity
        {
            ActionId = actionId,
            Sequence = readVersion + 1,
            Time = utc,
            FromState = action.State,
            ToState = toState,
            Actor = actor,
            Detail = detail,
        });
        action.State = toState;
        action.UpdatedAt = utc;
        action.Version = readVersion + 1;
        action.UndoState = undoState ?? action.UndoState;

        try
        {
            // One SaveChanges: the history insert and the guarded update (WHERE version = read version)
            // commit together or not at all.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent transition shows either as zero rows updated or as a duplicate (action, sequence).
            if (await CurrentVersionAsync(actionId, cancellationToken).ConfigureAwait(false) != readVersion)
            {
                LogConflict(actionId, toState);
                return false;
            }

            throw;
        }
    }

    public async Task<ActionSnapshot?> GetAsync(string actionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var action = await db.Actions.AsNoTracking()
            .Include(a => a.History.OrderBy(h => h.Sequence))
            .SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            .ConfigureAwait(false);
        return action is null ? null : ActionMapping.ToSnapshot(action);
    }

    public async Task<IReadOnlyList<ActionLedgerEntry>> ListDueForExpiryAsync(
        DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var utc = now.ToUniversalTime();
        string[] states = [.. LedgerStates.Expirable];

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Actions.AsNoTracking()
            .Where(a => states.Contains(a.State) && a.ExpiresAt != null && a.ExpiresAt <= utc)
            .OrderBy(a => a.ExpiresAt)
            .ThenBy(a => a.Id)
            .Take(max)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ConvertAll(ActionMapping.ToEntry);
    }

    public async Task<int> CountActiveAsync(CancellationToken cancellationToken = default)
    {
        string[] states = [.. LedgerStates.Active];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Actions.CountAsync(a => states.Contains(a.State), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountCreatedSinceAsync(
        DateTimeOffset since, IReadOnlyCollection<string>? states = null, CancellationToken cancellationToken = default)
    {
        var utc = since.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Actions.Where(a => a.CreatedAt >= utc);
        if (states is not null)
        {
            string[] wanted = [.. states];
            query = query.Where(a => wanted.Contains(a.State));
        }

        return await query.CountAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ExistsAsync(string actionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Actions.AnyAsync(a => a.Id == actionId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int?> CurrentVersionAsync(string actionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Actions.Where(a => a.Id == actionId)
            .Select(a => (int?)a.Version)
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Action '{ActionId}' is already recorded; nothing changed")]
    private partial void LogDuplicate(string actionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Action '{ActionId}' was changed by another writer; transition to '{ToState}' not applied")]
    private partial void LogConflict(string actionId, string toState);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug,
        Message = "Action '{ActionId}' is '{ActualState}', not '{ExpectedState}'; transition not applied")]
    private partial void LogUnexpectedState(string actionId, string expectedState, string actualState);
}
