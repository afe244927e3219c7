using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Graph;

/// <summary>
/// Users and Identity Protection (INTEGRATIONS.md §1.1–1.3): <c>GET/PATCH /users/{id|upn}</c>,
/// <c>POST /users/{id}/revokeSignInSessions</c> (200 <c>{"value":true}</c>, as the service really answers),
/// <c>POST /identityProtection/riskyUsers/confirmCompromised|dismiss</c> (204) and <c>GET /identityProtection/riskyUsers/{id}</c>.
/// </summary>
internal static class GraphUserRoutes
{
    /// <summary>What <c>GET /users/{id}</c> returns without <c>$select</c> (accountEnabled and signInSessionsValidFromDateTime need it).</summary>
    private static readonly string[] DefaultProperties =
        ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

    private static readonly HashSet<string> Writable = new(StringComparer.Ordinal) { "accountEnabled", "displayName" };

    public static void Map(RouteGroupBuilder api, GraphDirectory directory, SimulatorContext context)
    {
        api.MapGet("/users/{id}", (HttpContext http, string id) =>
        {
            if (directory.Read(id, Entity) is not { } entity)
                return NotFound(http, id, context);
            string? select = http.Request.Query["$select"];
            var shown = select is null ? Default(entity) : GraphResponses.Select(entity, select);
            string what = select is null ? "users/$entity" : $"users({select})/$entity";
            shown.Insert(0, "@odata.context", $"{GraphResponses.MetadataBase}#{what}");
            return GraphResponses.Json(shown);
        });

        api.MapMethods("/users/{id}", ["PATCH"], async (HttpContext http, string id) =>
        {
            var now = context.Time.GetUtcNow();
            if (await GraphResponses.ReadObjectAsync(http.Request) is not { } body)
                return GraphResponses.Error(http, 400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.", now);
            foreach (var (name, _) in body)
            {
                if (!name.StartsWith('@') && !Writable.Contains(name))
                    return GraphResponses.Error(http, 400, "Request_BadRequest", $"Invalid property '{name}'.", now);
            }
            if (body["accountEnabled"] is { } enabled && enabled.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                return GraphResponses.Error(http, 400, "Request_BadRequest", "Invalid value specified for property 'accountEnabled' of resource 'User'.", now);
            bool found = directory.Update(id, user =>
            {
                if (body["accountEnabled"] is { } value)
                    user.AccountEnabled = value.GetValue<bool>();
                if (body["displayName"] is { } name)
                    user.DisplayName = name.GetValue<string>();
            });
            return found ? Results.NoContent() : NotFound(http, id, context);
        });

        api.MapPost("/users/{id}/revokeSignInSessions", (HttpContext http, string id) =>
        {
            var now = context.Time.GetUtcNow();
            var second = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (!directory.Update(id, user => user.SignInSessionsValidFrom = second))
                return NotFound(http, id, context);
            return GraphResponses.Json(new JsonObject
            {
                ["@odata.context"] = $"{GraphResponses.MetadataBase}#Edm.Boolean",
                ["value"] = true,
            });
        });

        api.MapPost("/identityProtection/riskyUsers/confirmCompromised", (Func<HttpContext, Task<IResult>>)(http =>
            RiskAsync(http, directory, context, user =>
            {
                user.RiskState = "confirmedCompromised";
                user.RiskLevel = "high";
                user.RiskDetail = "adminConfirmedUserCompromised";
            })));

        api.MapPost("/identityProtection/riskyUsers/dismiss", (Func<HttpContext, Task<IResult>>)(http =>
            RiskAsync(http, directory, context, user =>
            {
                user.RiskState = "dismissed";
                user.RiskLevel = "none";
                user.RiskDetail = "adminDismissedAllRiskForUser";
            })));

        api.MapGet("/identityProtection/riskyUsers/{id}", (HttpContext http, string id) =>
        {
            var risky = directory.Read(id, user => user.RiskLastUpdated is null ? null : new JsonObject
            {
                ["@odata.context"] = $"{GraphResponses.MetadataBase}#identityProtection/riskyUsers/$entity",
                ["id"] = user.Id,
                ["isDeleted"] = false,
                ["isProcessing"] = false,
                ["riskLastUpdatedDateTime"] = GraphResponses.Timestamp(user.RiskLastUpdated.Value),
                ["riskLevel"] = user.RiskLevel,
                ["riskState"] = user.RiskState,
                ["riskDetail"] = user.RiskDetail,
                ["userDisplayName"] = user.DisplayName,
                ["userPrincipalName"] = user.UserPrincipalName,
            });
            return risky is null
                ? GraphResponses.Error(http, 404, "itemNotFound", $"Resource '{id}' does not exist.", context.Time.GetUtcNow())
                : GraphResponses.Json(risky);
        });
    }

    private static async Task<IResult> RiskAsync(HttpContext http, GraphDirectory directory, SimulatorContext context, Action<SimUser> change)
    {
        var now = context.Time.GetUtcNow();
        var body = await GraphResponses.ReadObjectAsync(http.Request);
        if (body is null || GraphResponses.Property(body, "userIds") is not JsonArray ids || ids.Count == 0)
            return GraphResponses.Error(http, 400, "BadRequest", "The request body must contain a non-empty 'userIds' collection.", now);
        var wanted = ids.Select(i => i?.GetValue<string>() ?? "").ToArray();
        if (wanted.FirstOrDefault(id => directory.Find(id) is null) is { } unknown)
            return GraphResponses.Error(http, 404, "Request_ResourceNotFound",
                $"Resource '{unknown}' does not exist or one of its queried reference-property objects are not present.", now);
        foreach (var id in wanted)
        {
            directory.Update(id, user =>
            {
                change(user);
                user.RiskLastUpdated = now;
            });
        }
        return Results.NoContent();
    }

    private static JsonObject Entity(SimUser user) => new()
    {
        ["businessPhones"] = new JsonArray(),
        ["displayName"] = user.DisplayName,
        ["givenName"] = null,
        ["jobTitle"] = null,
        ["mail"] = user.UserPrincipalName,
        ["mobilePhone"] = null,
        ["officeLocation"] = null,
        ["preferredLanguage"] = null,
        ["surname"] = null,
        ["userPrincipalName"] = user.UserPrincipalName,
        ["id"] = user.Id,
        ["accountEnabled"] = user.AccountEnabled,
        ["signInSessionsValidFromDateTime"] = user.SignInSessionsValidFrom is { } from ? GraphResponses.Timestamp(from) : null,
    };

    private static JsonObject Default(JsonObject entity)
    {
        var result = new JsonObject();
        foreach (var name in DefaultProperties)
            result[name] = entity[name]?.DeepClone();
        return result;
    }

    private static IResult NotFound(HttpContext http, string id, SimulatorContext context) =>
        GraphResponses.Error(http, 404, "Request_ResourceNotFound",
            $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.", context.Time.GetUtcNow());
}
