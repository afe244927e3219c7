using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Graph;

/// <summary>
/// Microsoft Graph v1.0 as the identity and mail executors use it (INTEGRATIONS.md §1): the Entra token endpoint
/// (<c>/{tenant}/oauth2/v2.0/token</c>, client credentials), users (read with <c>$select</c>, PATCH, revokeSignInSessions),
/// Identity Protection risky users, mailboxes (search, move with new ids unless <c>Prefer: IdType="ImmutableId"</c>,
/// mail folders) and <c>analyzedEmails/remediate</c> (202 + Location). Every /v1.0 route wants
/// <c>Authorization: Bearer</c> with a token the endpoint issued or the configured static token; errors are OData bodies.
/// Untagged control routes under <c>/_sim/graph</c> seed users and messages and read state back for tests.
/// </summary>
public sealed class GraphSimulator : IVendorSimulator
{
    public const string Name = "graph";

    /// <summary>Users every new simulator starts with (the sample config maps 10.10.0.66 to alice).</summary>
    public static readonly IReadOnlyList<string> SeedUsers = ["alice@contoso.com", "bob@contoso.com"];

    public GraphSimulator()
    {
        foreach (var upn in SeedUsers)
            Directory.AddUser(upn);
    }

    private TimeProvider _time = TimeProvider.System;

    public string Vendor => Name;

    public GraphDirectory Directory { get; } = new();

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        _time = context.Time;
        var tagged = routes.MapGroup("").WithMetadata(new VendorTag(Name));
        GraphTokenRoutes.Map(tagged, Directory, context);
        var api = tagged.MapGroup("/v1.0");
        api.AddEndpointFilter(async (filter, next) =>
        {
            var http = filter.HttpContext;
            if (Unauthorized(http, context) is { } refusal)
                return refusal;
            if (http.Request.Headers["client-request-id"].ToString() is { Length: > 0 } clientRequestId)
                http.Response.Headers["client-request-id"] = clientRequestId;
            http.Response.Headers["request-id"] = Guid.NewGuid().ToString();
            return await next(filter);
        });
        GraphUserRoutes.Map(api, Directory, context);
        GraphMailRoutes.Map(api, Directory, context);
        GraphControlRoutes.Map(routes.MapGroup("/_sim/graph"), Directory, context);
    }

    public string ErrorBody(int status)
    {
        var (code, message) = GraphResponses.ForStatus(status);
        return GraphResponses.ErrorJson(code, message, _time.GetUtcNow());
    }

    private IResult? Unauthorized(HttpContext http, SimulatorContext context)
    {
        var now = context.Time.GetUtcNow();
        string header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
            return GraphResponses.Error(http, 401, "InvalidAuthenticationToken", "Access token is empty.", now);
        string token = header["Bearer ".Length..].Trim();
        if (token == context.Credentials.GraphAccessToken || Directory.TokenValid(token, now))
            return null;
        return GraphResponses.Error(http, 401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.", now);
    }
}
