using AutoRespond.Simulators.Tickets;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Graph;

/// <summary>
/// The Microsoft identity platform token endpoint, client-credentials grant only:
/// <c>POST /{tenant}/oauth2/v2.0/token</c> with a form body (grant_type, client_id, client_secret, scope).
/// Errors use the identity platform's body (<c>error</c>, <c>error_description</c> with an AADSTS code, <c>error_codes</c>…).
/// </summary>
internal static class GraphTokenRoutes
{
    /// <summary>Lifetime of an issued token, as the real endpoint usually answers.</summary>
    public const int ExpiresInSeconds = 3599;

    public static void Map(RouteGroupBuilder routes, GraphDirectory directory, SimulatorContext context)
    {
        routes.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http, string tenant) =>
        {
            var now = context.Time.GetUtcNow();
            var credentials = context.Credentials;
            if (!http.Request.HasFormContentType)
                return TokenError(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.", now);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!string.Equals(tenant, credentials.GraphTenantId, StringComparison.OrdinalIgnoreCase))
                return TokenError(400, "invalid_request", 90002,
                    $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", now);
            foreach (var required in new[] { "grant_type", "client_id", "scope" })
            {
                if (string.IsNullOrEmpty(form[required]))
                    return TokenError(400, "invalid_request", 900144, $"The request body must contain the following parameter: '{required}'.", now);
            }
            if (form["grant_type"] != "client_credentials")
                return TokenError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.", now);
            if (!string.Equals(form["client_id"], credentials.GraphClientId, StringComparison.OrdinalIgnoreCase))
                return TokenError(400, "unauthorized_client", 700016,
                    $"Application with identifier '{form["client_id"]}' was not found in the directory '{tenant}'.", now);
            if (string.IsNullOrEmpty(form["client_secret"]))
                return TokenError(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", now);
            if (form["client_secret"] != credentials.GraphClientSecret)
                return TokenError(401, "invalid_client", 7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + credentials.GraphClientId + "'.", now);
            if (!form["scope"].ToString().EndsWith("/.default", StringComparison.Ordinal))
                return TokenError(400, "invalid_scope", 1002012,
                    $"The provided value for scope {form["scope"]} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).", now);

            string token = "sim." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            directory.IssueToken(token, now.AddSeconds(ExpiresInSeconds));
            var body = new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = ExpiresInSeconds,
                ["ext_expires_in"] = ExpiresInSeconds,
                ["access_token"] = token,
            };
            return Results.Text(body.ToJsonString(VendorJson.Options), "application/json; charset=utf-8");
        });
    }

    private static IResult TokenError(int status, string error, int code, string description, DateTimeOffset now)
    {
        string trace = Guid.NewGuid().ToString();
        string correlation = Guid.NewGuid().ToString();
        string stamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {trace} Correlation ID: {correlation} Timestamp: {stamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = stamp,
            ["trace_id"] = trace,
            ["correlation_id"] = correlation,
        };
        return Results.Text(body.ToJsonString(VendorJson.Options), "application/json; charset=utf-8", statusCode: status);
    }
}
