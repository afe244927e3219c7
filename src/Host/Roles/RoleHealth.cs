using System.Net;
using AutoRespond.Api.Health;
using AutoRespond.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
        checks.Add(new HealthCheckRegistration("ledger",
            sp => new DatabaseHealthCheck(sp.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>(), "ledger storage"), null, null));

    /// <summary>A synchronous check on the role's services.</summary>
    public static IHealthChecksBuilder AddCheck(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, HealthCheckResult> check) =>
        checks.Add(new HealthCheckRegistration(name, sp => new DelegateCheck(() => check(sp)), null, null));

    private sealed class DelegateCheck(Func<HealthCheckResult> check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(check());
    }

    /// <summary>A second, minimal host in the process: Kestrel on the given address and the two endpoints, nothing else.</summary>
    private sealed class Server(IPEndPoint listen, HealthCheckService health) : IHostedService, IAsyncDisposable
    {
        private WebApplication? _app;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders(); // the role logs; a failed bind fails the start with its own message
            builder.WebHost.ConfigureKestrel(k => k.Listen(listen));
            builder.Services.AddSingleton(health); // the role's checks, not a second set
            var app = builder.Build();
            HealthEndpoints.Map(app); // the API's own /health/live and /health/ready, over this process's checks
            await app.StartAsync(cancellationToken);
            _app = app;
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
