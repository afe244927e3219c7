using AutoRespond.Simulators.Tickets;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Graph;

/// <summary>
/// Test and demo control of the simulated tenant (not part of Graph, not journaled):
/// <c>POST /_sim/graph/users</c> <c>{"userPrincipalName","displayName","accountEnabled"}</c>,
/// <c>POST /_sim/graph/users/{upn}/messages</c> <c>{"subject","body","from","receivedDateTime","folder"}</c> (returns the id),
/// <c>GET /_sim/graph/users/{upn}</c> (account, sessions, risk and every message with its folder name),
/// <c>POST /_sim/graph/options</c> <c>{"honourImmutableId":false}</c> and <c>GET /_sim/graph/remediations</c>.
/// </summary>
internal static class GraphControlRoutes
{
    public static void Map(RouteGroupBuilder control, GraphDirectory directory, SimulatorContext context)
    {
        control.MapPost("/users", async (HttpContext http) =>
        {
            var body = await GraphResponses.ReadObjectAsync(http.Request);
            if (body?["userPrincipalName"]?.GetValue<string>() is not { Length: > 0 } upn || !upn.Contains('@'))
                return Results.Problem("userPrincipalName (name@domain) is required", statusCode: 400);
            var user = directory.AddUser(upn, body["displayName"]?.GetValue<string>(), body["accountEnabled"]?.GetValue<bool>() ?? true);
            return Results.Json(new { id = user.Id, userPrincipalName = user.UserPrincipalName });
        });

        control.MapPost("/users/{upn}/messages", async (HttpContext http, string upn) =>
        {
            var body = await GraphResponses.ReadObjectAsync(http.Request);
            if (body is null)
                return Results.Problem("a JSON body is required", statusCode: 400);
            var received = body["receivedDateTime"]?.GetValue<DateTimeOffset>() ?? context.Time.GetUtcNow();
            string? id = directory.AddMessage(upn, body["subject"]?.GetValue<string>() ?? "", body["body"]?.GetValue<string>() ?? "",
                body["from"]?.GetValue<string>() ?? "sender@example.net", received, body["folder"]?.GetValue<string>() ?? "inbox");
            return id is null ? Results.Problem($"no user {upn} or no such folder", statusCode: 404) : Results.Json(new { id });
        });

        control.MapGet("/users/{upn}", (string upn) =>
        {
            var state = directory.Read(upn, user => new JsonObject
            {
                ["id"] = user.Id,
                ["userPrincipalName"] = user.UserPrincipalName,
                ["accountEnabled"] = user.AccountEnabled,
                ["signInSessionsValidFromDateTime"] = user.SignInSessionsValidFrom is { } f ? GraphResponses.Timestamp(f) : null,
                ["riskState"] = user.RiskState,
                ["riskLevel"] = user.RiskLevel,
                ["messages"] = new JsonArray([.. user.Messages.Select(m => new JsonObject
                {
                    ["id"] = m.Id,
                    ["subject"] = m.Subject,
                    ["folder"] = user.Folders.FirstOrDefault(p => p.Value == m.FolderId).Key,
                })]),
            });
            return state is null ? Results.NotFound() : Results.Text(state.ToJsonString(VendorJson.Options), "application/json");
        });

        control.MapPost("/options", async (HttpContext http) =>
        {
            var body = await GraphResponses.ReadObjectAsync(http.Request);
            if (body?["honourImmutableId"] is { } honour)
                directory.HonourImmutableId = honour.GetValue<bool>();
            return Results.NoContent();
        });

        control.MapGet("/remediations", () =>
            Results.Text(new JsonArray([.. directory.Remediations().Select(r => JsonNode.Parse(r))]).ToJsonString(VendorJson.Options), "application/json"));
    }
}
