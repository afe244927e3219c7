using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoRespond.Api.Health;

/// <summary>Ready when the database answers a query; <paramref name="what"/> names it in the description.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<AutoRespondDbContext> contexts, string what = "database") : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            _ = await db.Policies.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{what} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{what} does not answer: {e.GetType().Name}");
        }
    }
}
