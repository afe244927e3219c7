using AutoRespond.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Storage;

internal sealed partial class EfIncidentStore(
    IDbContextFactory<AutoRespondDbContext> contexts, ILogger<EfIncidentStore> logger) : IIncidentStore
{
    private const int MaxAttempts = 3;

    public async Task<bool> UpsertAsync(IncidentScored incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentException.ThrowIfNullOrWhiteSpace(incident.Id, nameof(incident));
        var utc = IncidentMapping.ToUtc(incident);

        // Two publications of one incident may race (competing consumers): the revision is the concurrency
        // token, so a lost race re-reads and re-decides instead of writing an older revision over a newer one.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var existing = await db.Incidents
                .Include(i => i.Breaches)
                .SingleOrDefaultAsync(i => i.Id == utc.Id, cancellationToken)
                .ConfigureAwait(false);
            if (existing is null)
            {
                db.Incidents.Add(IncidentMapping.ToEntity(utc));
            }
            else if (existing.Revision >= utc.Revision)
            {
                LogStale(utc.Id, utc.Revision, existing.Revision);
                return false;
            }
            else
            {
                IncidentMapping.Apply(existing, utc);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                LogRetry(utc.Id, utc.Revision, attempt);
            }
        }
    }

    public async Task<IncidentRecord?> GetAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entity = await db.Incidents.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : IncidentMapping.ToRecord(entity);
    }

    public async Task<IReadOnlyList<IncidentRecord>> ListAsync(
        DateTimeOffset from, DateTimeOffset to, double minScore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var fromUtc = from.ToUniversalTime();
        var toUtc = to.ToUniversalTime();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.FirstSeen < toUtc && i.LastSeen >= fromUtc && i.Score >= minScore)
            .OrderByDescending(i => i.LastSeen)
            .ThenBy(i => i.Id)
            .Take(max)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ConvertAll(IncidentMapping.ToRecord);
    }

    public async Task<bool> SetStateAsync(string incidentId, string state, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        if (!IncidentStates.All.Contains(state, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown incident state '{state}'.", nameof(state));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var updated = await db.Incidents
            .Where(i => i.Id == incidentId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state), cancellationToken)
            .ConfigureAwait(false);
        return updated > 0;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug,
        Message = "Incident '{IncidentId}' revision {Revision} ignored: revision {StoredRevision} is stored")]
    private partial void LogStale(string incidentId, int revision, int storedRevision);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug,
        Message = "Incident '{IncidentId}' revision {Revision} lost a race (attempt {Attempt}); retrying")]
    private partial void LogRetry(string incidentId, int revision, int attempt);
}
