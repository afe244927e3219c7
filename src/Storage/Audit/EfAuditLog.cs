using System.Text.Json;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

internal sealed class EfAuditLog(IDbContextFactory<AutoRespondDbContext> contexts) : IAuditLog
{
    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Actor, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Verb, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.SubjectType, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.SubjectId, nameof(entry));
        EnsureJson(entry.DetailJson);

        var row = new AuditEntryEntity
        {
            Time = entry.Time.ToUniversalTime(),
            Actor = entry.Actor,
            Verb = entry.Verb,
            SubjectType = entry.SubjectType,
            SubjectId = entry.SubjectId,
            DetailJson = entry.DetailJson,
            IncidentId = entry.IncidentId,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.AuditLog.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Max, nameof(query));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.AuditLog.AsNoTracking();
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            rows = rows.Where(e => e.Time >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            rows = rows.Where(e => e.Time < toUtc);
        }

        if (query.IncidentId is { } incidentId)
        {
            rows = rows.Where(e => e.IncidentId == incidentId);
        }

        if (query.SubjectType is { } subjectType)
        {
            rows = rows.Where(e => e.SubjectType == subjectType);
        }

        if (query.SubjectId is { } subjectId)
        {
            rows = rows.Where(e => e.SubjectId == subjectId);
        }

        var list = await rows
            .OrderByDescending(e => e.Time)
            .ThenByDescending(e => e.Id)
            .Take(query.Max)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return list.ConvertAll(e => new AuditRecord(
            e.Id, new AuditEntry(e.Time, e.Actor, e.Verb, e.SubjectType, e.SubjectId, e.DetailJson, e.IncidentId)));
    }

    private static void EnsureJson(string? json)
    {
        if (json is null)
        {
            return;
        }

        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("Audit detail must be a JSON document.", nameof(json), e);
        }
    }
}
