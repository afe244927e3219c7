using AutoRespond.Simulators.Tickets;
using System.Globalization;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Graph;

/// <summary>
/// Mailboxes (INTEGRATIONS.md §1.5, §1.7): <c>GET /users/{id}/messages</c> with <c>$search</c> (KQL free text over
/// from, subject and body; quoted terms, <c>OR</c>), <c>$select</c> and <c>$top</c> — <c>$filter</c> together with
/// <c>$search</c> is refused as Graph refuses it; <c>GET /users/{id}/messages/{mid}</c>; <c>POST …/move</c> (201 with the
/// message and a NEW id, unless <c>Prefer: IdType="ImmutableId"</c>); <c>GET /users/{id}/mailFolders/{name|id}</c>;
/// <c>POST /security/collaboration/analyzedEmails/[microsoft.graph.security.]remediate</c> (202 + Location).
/// </summary>
internal static class GraphMailRoutes
{
    private static readonly HashSet<string> RemediationActions =
        new(StringComparer.Ordinal) { "moveToJunk", "moveToInbox", "hardDelete", "softDelete", "moveToDeletedItems" };

    public static void Map(RouteGroupBuilder api, GraphDirectory directory, SimulatorContext context)
    {
        api.MapGet("/users/{id}/messages", (HttpContext http, string id) =>
        {
            var now = context.Time.GetUtcNow();
            var query = http.Request.Query;
            string? search = query["$search"];
            if (search is not null && query.ContainsKey("$filter"))
                return GraphResponses.Error(http, 400, "ErrorInvalidUrlQuery", "The query parameter '$filter' is not supported with '$search'.", now);
            if (query.ContainsKey("$filter"))
                return GraphResponses.Error(http, 400, "ErrorInvalidUrlQuery", "The simulator does not evaluate '$filter' on messages.", now);
            int top = int.TryParse(query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out int t) && t is > 0 and <= 1000 ? t : 10;
            var terms = Terms(search);
            var found = directory.Read(id, user => user.Messages
                .Where(m => terms.Count == 0 || terms.Any(term => Matches(m, term)))
                .OrderByDescending(m => m.Received)
                .Take(top)
                .Select(m => GraphResponses.Select(Entity(m), query["$select"]))
                .ToArray());
            if (found is null)
                return NotFound(http, id, now);
            return GraphResponses.Json(new JsonObject
            {
                ["@odata.context"] = $"{GraphResponses.MetadataBase}#users('{id}')/messages",
                ["value"] = new JsonArray([.. found]),
            });
        });

        api.MapGet("/users/{id}/messages/{messageId}", (HttpContext http, string id, string messageId) =>
        {
            var now = context.Time.GetUtcNow();
            if (directory.Find(id) is null)
                return NotFound(http, id, now);
            var message = directory.Read(id, user => user.Messages.FirstOrDefault(m => m.Id == messageId) is { } m
                ? GraphResponses.Select(Entity(m), http.Request.Query["$select"]) : null);
            return message is null ? ItemNotFound(http, now) : GraphResponses.Json(message);
        });

        api.MapPost("/users/{id}/messages/{messageId}/move", async (HttpContext http, string id, string messageId) =>
        {
            var now = context.Time.GetUtcNow();
            var body = await GraphResponses.ReadObjectAsync(http.Request);
            string? destination = body is null ? null : GraphResponses.Property(body, "destinationId")?.GetValue<string>();
            if (string.IsNullOrEmpty(destination))
                return GraphResponses.Error(http, 400, "ErrorInvalidParameter", "The value of the parameter 'DestinationId' is empty.", now);
            if (directory.Find(id) is null)
                return NotFound(http, id, now);
            bool immutable = directory.HonourImmutableId && http.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("IdType=\"ImmutableId\"", StringComparison.OrdinalIgnoreCase));
            string? error = null;
            JsonObject? moved = null;
            directory.Update(id, user =>
            {
                var message = user.Messages.FirstOrDefault(m => m.Id == messageId);
                var folder = GraphDirectory.FolderId(user, destination);
                if (message is null)
                    error = "item";
                else if (folder is null)
                    error = "folder";
                else
                {
                    message.FolderId = folder;
                    if (!immutable)
                        message.Id = directory.NewMessageId();
                    moved = Entity(message);
                }
            });
            if (error == "folder")
                return GraphResponses.Error(http, 404, "ErrorItemNotFound", "The specified folder could not be found in the store.", now);
            if (moved is null)
                return ItemNotFound(http, now);
            if (immutable)
                http.Response.Headers["Preference-Applied"] = "IdType=\"ImmutableId\"";
            moved.Insert(0, "@odata.context", $"{GraphResponses.MetadataBase}#users('{id}')/messages/$entity");
            return GraphResponses.Json(moved, 201);
        });

        api.MapGet("/users/{id}/mailFolders/{folder}", (HttpContext http, string id, string folder) =>
        {
            var now = context.Time.GetUtcNow();
            if (directory.Find(id) is null)
                return NotFound(http, id, now);
            var entity = directory.Read(id, user => GraphDirectory.FolderId(user, folder) is { } folderId ? new JsonObject
            {
                ["@odata.context"] = $"{GraphResponses.MetadataBase}#users('{id}')/mailFolders/$entity",
                ["id"] = folderId,
                ["displayName"] = user.Folders.First(f => f.Value == folderId).Key,
                ["totalItemCount"] = user.Messages.Count(m => m.FolderId == folderId),
            } : null);
            return entity is null
                ? GraphResponses.Error(http, 404, "ErrorItemNotFound", "The specified folder could not be found in the store.", now)
                : GraphResponses.Json(entity);
        });

        foreach (var path in new[] { "/security/collaboration/analyzedEmails/microsoft.graph.security.remediate", "/security/collaboration/analyzedEmails/remediate" })
            api.MapPost(path, (Func<HttpContext, Task<IResult>>)(http => RemediateAsync(http, directory, context)));
    }

    private static async Task<IResult> RemediateAsync(HttpContext http, GraphDirectory directory, SimulatorContext context)
    {
        var now = context.Time.GetUtcNow();
        var body = await GraphResponses.ReadObjectAsync(http.Request);
        string? action = body is null ? null : GraphResponses.Property(body, "action")?.GetValue<string>();
        if (body is null || action is null || !RemediationActions.Contains(action))
            return GraphResponses.Error(http, 400, "BadRequest", "Invalid remediation action.", now);
        if (GraphResponses.Property(body, "analyzedEmails") is not JsonArray { Count: > 0 })
            return GraphResponses.Error(http, 400, "BadRequest", "analyzedEmails must contain at least one email.", now);
        directory.AddRemediation(body.ToJsonString(VendorJson.Options));
        string bulkId = Guid.NewGuid().ToString();
        http.Response.Headers.Location =
            $"https://security.microsoft.com/action-center/history?filters={{\"bulkId\":[\"{bulkId}\"]}}&tid={context.Credentials.GraphTenantId}";
        return Results.StatusCode(202);
    }

    /// <summary>Quoted terms joined by OR (<c>"a" OR "b"</c>), or one bare term.</summary>
    internal static IReadOnlyList<string> Terms(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
            return [];
        return search.Split(" OR ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Trim('"').Trim())
            .Where(t => t.Length > 0)
            .ToArray();
    }

    private static bool Matches(SimMessage message, string term) =>
        message.Subject.Contains(term, StringComparison.OrdinalIgnoreCase)
        || message.Body.Contains(term, StringComparison.OrdinalIgnoreCase)
        || message.From.Contains(term, StringComparison.OrdinalIgnoreCase);

    private static JsonObject Entity(SimMessage message) => new()
    {
        ["id"] = message.Id,
        ["receivedDateTime"] = GraphResponses.Timestamp(message.Received),
        ["subject"] = message.Subject,
        ["bodyPreview"] = message.Body.Length <= 255 ? message.Body : message.Body[..255],
        ["parentFolderId"] = message.FolderId,
        ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = message.From, ["name"] = message.From } },
        ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = message.Body },
    };

    private static IResult NotFound(HttpContext http, string id, DateTimeOffset now) =>
        GraphResponses.Error(http, 404, "ErrorInvalidUser", $"The requested user '{id}' is invalid.", now);

    private static IResult ItemNotFound(HttpContext http, DateTimeOffset now) =>
        GraphResponses.Error(http, 404, "ErrorItemNotFound", "The specified object was not found in the store.", now);
}
