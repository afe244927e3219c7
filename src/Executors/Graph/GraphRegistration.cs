using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Graph;

/// <summary>Registers the executors of graph (revoke-sessions, disable-user, quarantine-email) for the configured integrations.</summary>
public static class GraphRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations) => Register(setup, integrations, GraphMailOptions.Default);

    /// <summary>
    /// With a <c>graph:</c> entry: the token provider (client credentials or a given bearer token), the named clients
    /// <c>graph</c> (API; every call is keyed, see docs), <c>graph-identity-protection</c> (riskyUsers: its own
    /// throttle budget, so its own breaker) and <c>graph-token</c>, each with <see cref="TargetResilience"/>,
    /// and the three executors. A missing secret is a start-up problem naming the variable.
    /// </summary>
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations, GraphMailOptions mail)
    {
        if (integrations.Graph is not { } config)
            return;
        string? variable = config.UsesClientSecret ? config.ClientSecretEnv : config.AccessTokenEnv;
        if (variable is null)
        {
            setup.Problem(GraphExecutorBase.IntegrationName, "neither client_secret_env nor access_token_env is configured");
            return;
        }
        if (setup.RequireSecret(GraphExecutorBase.IntegrationName, variable) is not { } secret)
            return;
        if (config.UsesClientSecret && (string.IsNullOrWhiteSpace(config.TenantId) || string.IsNullOrWhiteSpace(config.ClientId)))
        {
            setup.Problem(GraphExecutorBase.IntegrationName, "client_secret_env needs tenant_id and client_id");
            return;
        }

        var services = setup.Services;
        // Every Graph call the executors make is keyed (see docs/integrations-identity-tickets.md): a repeated revoke or
        // confirmCompromised changes nothing more, a PATCH sets the same value, and moves use immutable ids. So all may be
        // retried — and a 429/503 was not processed anyway.
        services.AddHttpClient(GraphClientSource.ClientName).AddTargetResilience(setup.Options, allCallsIdempotent: true);
        services.AddHttpClient(GraphClientSource.RiskClientName).AddTargetResilience(setup.Options, allCallsIdempotent: true);
        services.AddHttpClient(GraphClientSource.TokenClientName).AddTargetResilience(setup.Options, allCallsIdempotent: true);
        services.TryAddSingleton<QuarantineMessageIds>();
        services.TryAddSingleton<GraphActionRecords>();
        services.TryAddSingleton(sp => new GraphTokenProvider(config, secret,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClientSource.TokenClientName), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(sp => new GraphClientSource(config, sp.GetRequiredService<IHttpMessageHandlerFactory>(), sp.GetRequiredService<GraphTokenProvider>()));

        var users = integrations.Users;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, GraphRevokeSessionsExecutor>(sp => new GraphRevokeSessionsExecutor(
            sp.GetRequiredService<GraphClientSource>(), sp.GetRequiredService<GraphActionRecords>(), users,
            sp.GetRequiredService<ILogger<GraphRevokeSessionsExecutor>>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, GraphDisableUserExecutor>(sp => new GraphDisableUserExecutor(
            sp.GetRequiredService<GraphClientSource>(), sp.GetRequiredService<GraphActionRecords>(), users,
            sp.GetRequiredService<ILogger<GraphDisableUserExecutor>>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, GraphQuarantineEmailExecutor>(sp => new GraphQuarantineEmailExecutor(
            sp.GetRequiredService<GraphClientSource>(), sp.GetRequiredService<GraphActionRecords>(), users,
            sp.GetRequiredService<QuarantineMessageIds>(), mail, sp.GetRequiredService<ILogger<GraphQuarantineEmailExecutor>>())));
        setup.Registering(ActionKinds.RevokeSessions, GraphExecutorBase.IntegrationName);
        setup.Registering(ActionKinds.DisableUser, GraphExecutorBase.IntegrationName);
        setup.Registering(ActionKinds.QuarantineEmail, GraphExecutorBase.IntegrationName);
    }
}
