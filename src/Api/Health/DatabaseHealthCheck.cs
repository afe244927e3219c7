using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoRespond.Api.Health;

/// <summary>Ready when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AutoRespondDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            _ = await db.Policies.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("database answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database does not answer: " + e.GetType().Name);
        }
    }
}
