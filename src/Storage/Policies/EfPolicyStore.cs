using System.Text.Json;
using AutoRespond.Storage.Configurations;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

internal sealed class EfPolicyStore(IDbContextFactory<AutoRespondDbContext> contexts) : IPolicyStore
{
    public async Task<int> SaveAsync(string json, string createdBy, string? note, DateTimeOffset time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        EnsureJsonObject(json);
        if (createdBy.Length > StorageLimits.Target)
            throw new ArgumentException($"created_by is longer than {StorageLimits.Target} characters.", nameof(createdBy));
        if (note is { Length: > PolicyEntityTypeConfiguration.NoteLength })
            throw new ArgumentException($"The change note is longer than {PolicyEntityTypeConfiguration.NoteLength} characters.", nameof(note));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = new PolicyEntity { PolicyJson = json, CreatedBy = createdBy, CreatedAt = time.ToUniversalTime(), Note = note };
        db.Policies.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Version;
    }

    public async Task<StoredPolicy?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Policies.AsNoTracking().OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task<StoredPolicy?> GetAsync(int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Version == version, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Policies.AsNoTracking().OrderByDescending(p => p.Version).Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToStored).ToArray();
    }

    private static StoredPolicy ToStored(PolicyEntity row) =>
        new(row.Version, row.PolicyJson, row.CreatedBy, row.CreatedAt.ToUniversalTime(), row.Note);

    private static void EnsureJsonObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentException("A policy must be a JSON object.", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException("A policy must be a JSON document.", nameof(json), e);
        }
    }
}
