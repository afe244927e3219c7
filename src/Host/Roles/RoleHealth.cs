using System.Net;
using System.Text.Json;
using AutoRespond.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Roles;

/// <summary>
/// <c>--health-listen ADDRESS:PORT</c> of <c>sensor</c>, <c>brain</c> and <c>responder</c>: plain HTTP on that address,
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every registered check: MassTransit's bus check,
/// plus the role's own). Off by default; bind it to 127.0.0.1 or a management network (docs/operations.md).
/// </summary>
internal static class RoleHealth
{
    public const string OptionName = "--health-listen";

    /// <summary>An IP address and a port (<c>127.0.0.1:9101</c>, <c>[::1]:9101</c>), or null with the reason.</summary>
    public static IPEndPoint? Parse(string value, out string? error)
    {
        error = null;
        if (IPEndPoint.TryParse(value, out var endpoint) && endpoint.Port > 0
            && value.LastIndexOf(':') > value.LastIndexOf(']')) // an IPv6 address without [..]:port has no port
            return endpoint;
        error = $"{OptionName} must be ADDRESS:PORT with an IP address and a port 1-65535 (e.g. 127.0.0.1:9101), not '{value}'";
        return null;
    }

    /// <summary>Serves the health endpoints (started before the role's other services) and returns the checks to add to.</summary>
    public static IHealthChecksBuilder AddRoleHealth(this IServiceCollection services, IPEndPoint listen)
    {
        services.AddHostedService(sp => new Server(listen, sp.GetRequiredService<HealthCheckService>()));
        return services.AddHealthChecks(); // MassTransit adds its bus check ("masstransit-bus") to these options itself
    }

    /// <summary>The brain's receive endpoint (its partition's queue) is started and consuming.</summary>
    public static IHealthChecksBuilder AddEndpointCheck(this IHealthChecksBuilder checks, string name, string queue) =>
        checks.AddCheck(name, sp =>
        {
            var endpoints = sp.GetRequiredService<IBusControl>().CheckHealth().Endpoints;
            foreach (var (address, endpoint) in endpoints)
            {
                if (!address.TrimEnd('/').EndsWith("/" + queue, StringComparison.Ordinal)) continue;
                return endpoint.Status == BusHealthStatus.Healthy
                    ? HealthCheckResult.Healthy($"{queue}: consuming")
                    : HealthCheckResult.Unhealthy($"{queue}: {endpoint.Status.ToString().ToLowerInvariant()}: {endpoint.Description}");
            }
            return HealthCheckResult.Unhealthy($"{queue}: no receive endpoint (not started)");
        });

    /// <summary>The ledger's storage answers a cheap query.</summary>
    public static IHealthChecksBuilder AddLedgerCheck(this IHealthChecksBuilder checks) =>
        checks.Add(new HealthCheckRegistration("ledger", sp => new LedgerCheck(sp.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>()), null, null));

    /// <summary>A synchronous check on the role's services.</summary>
    public static IHealthChecksBuilder AddCheck(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, HealthCheckResult> check) =>
        checks.Add(new HealthCheckRegistration(name, sp => new DelegateCheck(() => check(sp)), null, null));

    private sealed class DelegateCheck(Func<HealthCheckResult> check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(check());
    }

    private sealed class LedgerCheck(IDbContextFactory<AutoRespondDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                _ = await db.Actions.AnyAsync(cancellationToken);
                return HealthCheckResult.Healthy("ledger storage answers");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"ledger storage does not answer: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    /// <summary>A second, minimal host in the process: Kestrel on the given address and the two endpoints, nothing else.</summary>
    private sealed class Server(IPEndPoint listen, HealthCheckService health) : IHostedService, IAsyncDisposable
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private WebApplication? _app;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders(); // the role logs; a failed bind fails the start with its own message
            builder.WebHost.ConfigureKestrel(k => k.Listen(listen));
            var app = builder.Build();
            app.MapGet("/health/live", () => Results.Json(new { Status = "live" }, Json));
            app.MapGet("/health/ready", ReadyAsync);
            await app.StartAsync(cancellationToken);
            _app = app;
        }

        private async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
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
            return Results.Json(body, Json, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_app is not null) await _app.StopAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null) await _app.DisposeAsync();
        }
    }
}
