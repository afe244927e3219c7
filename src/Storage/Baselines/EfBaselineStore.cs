using System.Text.Json;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

internal sealed class EfBaselineStore(IDbContextFactory<AutoRespondDbContext> contexts, TimeProvider time) : IBaselineStore
{
    public async Task SaveAsync(string partition, string json, DateTimeOffset upTo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        ArgumentNullException.ThrowIfNull(json);
        EnsureJson(json);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.BrainSnapshots.FindAsync([partition], cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new BrainSnapshotEntity { Partition = partition, SnapshotJson = json };
            db.BrainSnapshots.Add(row);
        }

        row.SnapshotJson = json;
        row.UpTo = upTo.ToUniversalTime();
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredBaseline?> LoadAsync(string partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.BrainSnapshots.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Partition == partition, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : new StoredBaseline(row.SnapshotJson, row.UpTo, row.UpdatedAt);
    }

    private static void EnsureJson(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("A brain snapshot must be a JSON document.", nameof(json), e);
        }
    }
}
