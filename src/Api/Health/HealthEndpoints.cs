using AutoRespond.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AutoRespond.Api.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: every registered health check passes — the
/// database (<see cref="DatabaseHealthCheck"/>) and, where the host has one, the bus (MassTransit's own check).
/// </summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Json(new { Status = "live" }, ApiJson.Output))
            .AllowAnonymous().WithTags("health").WithName("health-live").WithSummary("Liveness");
        app.MapGet("/health/ready", ReadyAsync).AllowAnonymous().WithTags("health").WithName("health-ready")
            .WithSummary("Readiness: database, bus and pipeline (200 healthy or degraded, 503 unhealthy)").Produces(200).Produces(503);
    }

    private static async Task<IResult> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var body = new
        {
            Status = report.Status.ToString().ToLowerInvariant(),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                Status = e.Value.Status.ToString().ToLowerInvariant(),
                e.Value.Description,
            }),
        };
        return Results.Json(body, ApiJson.Output,
            statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
