using System.Text.Json;
using AutoRespond.Storage.Configurations;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

internal sealed class EfWindowStore(IDbContextFactory<AutoRespondDbContext> contexts) : IWindowStore
{
    public async Task<IReadOnlyList<StoredWindow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<WindowEntity>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        // Ordered here: SQLite cannot ORDER BY a DateTimeOffset column.
        return [.. rows.OrderBy(r => r.Start).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ToStored)];
    }

    public async Task<StoredWindow?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<WindowEntity>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task<StoredWindow?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<WindowEntity>().AsNoTracking()
            .SingleOrDefaultAsync(w => w.ExternalId == externalId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task<bool> AddAsync(StoredWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        EnsureLengths(window);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var set = db.Set<WindowEntity>();
        if (await set.AnyAsync(w => w.Id == window.Id || (window.ExternalId != null && w.ExternalId == window.ExternalId),
                cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var row = new WindowEntity
        {
            Id = window.Id, Name = window.Name, ScopeJson = "{}", Effect = window.Effect,
            CreatedBy = window.CreatedBy, CreatedAt = window.CreatedAt.ToUniversalTime(), UpdatedBy = window.UpdatedBy,
            ExternalId = window.ExternalId, Version = 1,
        };
        Apply(row, window);
        set.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // a concurrent insert took the id or external id
        }
    }

    public async Task<bool> UpdateAsync(StoredWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        EnsureLengths(window);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<WindowEntity>().SingleOrDefaultAsync(w => w.Id == window.Id, cancellationToken).ConfigureAwait(false);
        if (row is null) return false;
        Apply(row, window);
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<WindowEntity>().Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static void Apply(WindowEntity row, StoredWindow window)
    {
        row.Name = window.Name;
        row.Start = window.Start.ToUniversalTime();
        row.End = window.End.ToUniversalTime();
        row.Rrule = window.Rrule;
        row.Tz = window.Tz;
        row.ScopeJson = JsonSerializer.Serialize(window.Scope, StorageJson.Options);
        row.Effect = window.Effect;
        row.CapScore = window.CapScore;
        row.UpdatedBy = window.UpdatedBy;
        row.UpdatedAt = window.UpdatedAt.ToUniversalTime();
    }

    private static StoredWindow ToStored(WindowEntity row) =>
        new(row.Id, row.Name, row.Start.ToUniversalTime(), row.End.ToUniversalTime(), row.Rrule, row.Tz,
            JsonSerializer.Deserialize<StoredWindowScope>(row.ScopeJson, StorageJson.Options) ?? StoredWindowScope.Empty,
            row.Effect, row.CapScore, row.ExternalId, row.CreatedBy, row.CreatedAt.ToUniversalTime(), row.UpdatedBy,
            row.UpdatedAt.ToUniversalTime());

    private static void EnsureLengths(StoredWindow w)
    {
        Check(w.Id, StorageLimits.Id, "id");
        Check(w.Name, StorageLimits.Name, "name");
        Check(w.Rrule, StorageLimits.Target, "rrule");
        Check(w.Tz, StorageLimits.State, "tz");
        Check(w.Effect, StorageLimits.State, "effect");
        Check(w.ExternalId, StorageLimits.Name, "external id");
        Check(w.CreatedBy, StorageLimits.Target, "created_by");
        Check(w.UpdatedBy, StorageLimits.Target, "updated_by");
    }

    private static void Check(string? value, int max, string what)
    {
        if (value is { Length: var n } && n > max)
            throw new ArgumentException($"The window's {what} is longer than {max} characters.", nameof(value));
    }
}
