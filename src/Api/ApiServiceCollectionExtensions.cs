using AutoRespond.Api.Actions;
using AutoRespond.Api.Devices;
using AutoRespond.Api.Health;
using AutoRespond.Api.Metrics;
using AutoRespond.Api.Policies;
using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Api.Windows;
using AutoRespond.Configuration;
using AutoRespond.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP API and console (CONTRACT.md §5): API-key authentication with the four roles, problem details,
    /// OpenAPI, health checks (database; the bus adds its own), metrics and the resources' services. Needs, from the
    /// host: storage (<c>AddAutoRespondStorage</c>), the response engine (<c>AddResponseEngine</c>), an
    /// <see cref="IApiChangePublisher"/>, and optionally an <see cref="IDeviceDirectory"/> (default: the stored snapshot).
    /// Then <c>app.MapAutoRespondApi()</c>.
    /// </summary>
    public static IServiceCollection AddAutoRespondApi(this IServiceCollection services, AutoRespondConfig config, ApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ApiOptions();
        services.TryAddSingleton(config);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ApiKeyRing(config.Api.Keys, options.Environment));
        services.AddSingleton<AuthFailureLimiter>();
        services.AddSingleton<ApiMetricsRegistry>();
        services.AddSingleton<ApiAudit>();
        services.AddSingleton<ActionQueries>();
        services.AddSingleton<WindowService>();
        services.AddSingleton<WindowPreview>();
        services.AddSingleton<PolicyWhatIf>();
        services.AddWindowStore();
        services.AddPostedEventStore();
        services.TryAddSingleton<IDeviceDirectory, SnapshotDeviceDirectory>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in ApiRoles.PolicyRoles) o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        });
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = ApiProblems.MaxBodyBytes + 1);
        services.AddHealthChecks().Add(new HealthCheckRegistration("database",
            sp => new DatabaseHealthCheck(sp.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>()), null, ["ready"]));
        services.AddOpenApi(o => ApiOpenApi.Configure(o));
        services.AddTransient<IStartupFilter, ApiStartupFilter>();
        return services;
    }
}
