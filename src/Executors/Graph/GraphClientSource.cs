using AutoRespond.Configuration;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// Builds the <see cref="GraphServiceClient"/> (BUILD-NOTES §3 variant B): <see cref="GraphClientFactory"/> with the
/// Graph middleware (telemetry, redirect, headers, compression…) MINUS the SDK's <see cref="RetryHandler"/>, whose place
/// is taken by our <c>TargetResilience</c> pipeline as the final handler (the named client <see cref="ClientName"/>):
/// one retry layer, not two multiplying (3 SDK retries × 3 ours), with the target's breaker and timeouts, Retry-After
/// honoured and exponential backoff for the riskyUsers 429 that has none. A bearer token from
/// <see cref="GraphTokenProvider"/>, sent only to the configured host.
/// </summary>
internal sealed class GraphClientSource(GraphConfig config, IHttpMessageHandlerFactory handlers, GraphTokenProvider tokens)
{
    public const string ClientName = "graph";

    /// <summary>
    /// Identity Protection (riskyUsers) has its own budget — 1 request/second per tenant, 429s without Retry-After — so
    /// its calls go through their own named client: its throttling opens its own breaker, not the one of users and mail.
    /// </summary>
    public const string RiskClientName = "graph-identity-protection";

    public const string TokenClientName = "graph-token";

    /// <summary>Clients for one operation; dispose them afterwards (the pooled handlers are not disposed with them).</summary>
    public GraphSession Create() => new(Client(ClientName), Client(RiskClientName));

    private (GraphServiceClient Graph, HttpClient Http) Client(string name)
    {
        var middleware = GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        var http = GraphClientFactory.Create(middleware, finalHandler: handlers.CreateHandler(name));
        return (new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(tokens), config.Url.AbsoluteUri.TrimEnd('/')), http);
    }
}

/// <summary>The Graph clients of one operation and the HttpClients they were given (which the SDK does not dispose).</summary>
internal sealed class GraphSession((GraphServiceClient Graph, HttpClient Http) main, (GraphServiceClient Graph, HttpClient Http) risk) : IDisposable
{
    /// <summary>Users, mail and everything but Identity Protection.</summary>
    public GraphServiceClient Graph { get; } = main.Graph;

    /// <summary>Identity Protection (riskyUsers) calls.</summary>
    public GraphServiceClient RiskyUsers { get; } = risk.Graph;

    public void Dispose()
    {
        Graph.Dispose();
        RiskyUsers.Dispose();
        main.Http.Dispose();
        risk.Http.Dispose();
    }
}
