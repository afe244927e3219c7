using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Tickets;

/// <summary>
/// Jira Cloud REST v3 as the ticket kind uses it (INTEGRATIONS.md §4.3): <c>POST /rest/api/3/issue</c> (201
/// <c>{"id","key","self"}</c>; ADF description required), <c>GET/PUT /rest/api/3/issue/{key}</c>,
/// <c>POST /rest/api/3/search/jql</c> (JQL: <c>field = value</c> clauses on project, labels, key and status joined by AND),
/// the removed <c>/rest/api/3/search</c> (410), transitions (To Do 11, In Progress 21, Done 31) and comments. Basic auth
/// <c>email:api_token</c>. Project <c>SEC</c> exists. <c>GET /_sim/jira/issues</c> (untagged) lists every issue.
/// </summary>
public sealed class JiraSimulator : IVendorSimulator
{
    public const string Name = "jira";

    private static readonly (string Id, string Name, string Category)[] Workflow = [("11", "To Do", "new"), ("21", "In Progress", "indeterminate"), ("31", "Done", "done")];

    private readonly Lock _lock = new();
    private readonly List<SimIssue> _issues = [];
    private readonly HashSet<string> _projects = new(StringComparer.Ordinal) { "SEC" };

    public string Vendor => Name;

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        var api = routes.MapGroup("/rest/api/3").WithMetadata(new VendorTag(Name));
        api.AddEndpointFilter(async (filter, next) =>
            BasicAuth.Matches(filter.HttpContext.Request, context.Credentials.JiraEmail, context.Credentials.JiraToken)
                ? await next(filter)
                : Results.Text(JiraValidation.ErrorBody(["You are not authenticated. Authentication required to perform this operation."]),
                    "application/json", statusCode: 401));

        api.MapPost("/issue", async (HttpContext http) =>
        {
            if (await ReadAsync(http) is not { } body || body["fields"] is not JsonObject fields)
                return Bad(["No content to map to Object due to end of input"]);
            var errors = JiraValidation.Check(fields, create: true, _projects);
            if (errors.Count > 0)
                return Bad([], errors);
            SimIssue issue;
            lock (_lock)
            {
                int id = 10000 + _issues.Count;
                string project = fields["project"]!["key"]!.GetValue<string>();
                issue = new SimIssue(id.ToString(CultureInfo.InvariantCulture), $"{project}-{_issues.Count(i => i.Key.StartsWith(project + "-", StringComparison.Ordinal)) + 1}",
                    (JsonObject)fields.DeepClone(), context.Time.GetUtcNow());
                _issues.Add(issue);
            }
            return Results.Text(new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = Self(http, issue) }.ToJsonString(VendorJson.Options), "application/json", statusCode: 201);
        });

        api.MapGet("/issue/{key}", (HttpContext http, string key) =>
            Find(key) is { } issue ? Results.Text(View(issue, null, http).ToJsonString(VendorJson.Options), "application/json") : Missing());

        api.MapPut("/issue/{key}", async (HttpContext http, string key) =>
        {
            if (await ReadAsync(http) is not { } body || body["fields"] is not JsonObject fields)
                return Bad(["No content to map to Object due to end of input"]);
            var errors = JiraValidation.Check(fields, create: false, _projects);
            if (errors.Count > 0)
                return Bad([], errors);
            lock (_lock)
            {
                if (_issues.FirstOrDefault(i => i.Key == key) is not { } issue)
                    return Missing();
                foreach (var (name, value) in fields)
                    issue.Fields[name] = value?.DeepClone();
                issue.Updates++;
            }
            return Results.NoContent();
        });

        api.MapPost("/search/jql", async (HttpContext http) =>
        {
            if (await ReadAsync(http) is not { } body || body["jql"]?.GetValue<string>() is not { } jql)
                return Bad(["The JQL query is required."]);
            if (Parse(jql) is not { } clauses)
                return Bad([$"Error in the JQL Query: the query '{jql}' is not supported by the simulator (field = value AND …)."]);
            var wanted = body["fields"] as JsonArray;
            int max = body["maxResults"]?.GetValue<int>() ?? 50;
            JsonArray found;
            lock (_lock)
                found = new JsonArray([.. _issues.Where(i => clauses.All(c => Matches(i, c))).Take(max).Select(i => (JsonNode)View(i, wanted, http))]);
            return Results.Text(new JsonObject { ["issues"] = found, ["isLast"] = true }.ToJsonString(VendorJson.Options), "application/json");
        });

        api.MapMethods("/search", ["GET", "POST"], () => Results.Text(JiraValidation.ErrorBody(
            ["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"]),
            "application/json", statusCode: 410));

        api.MapGet("/issue/{key}/transitions", (string key) =>
            Find(key) is null ? Missing() : Results.Text(new JsonObject
            {
                ["expand"] = "transitions",
                ["transitions"] = new JsonArray([.. Workflow.Select(w => new JsonObject
                {
                    ["id"] = w.Id, ["name"] = w.Name,
                    ["to"] = new JsonObject { ["name"] = w.Name, ["statusCategory"] = new JsonObject { ["key"] = w.Category } },
                })]),
            }.ToJsonString(VendorJson.Options), "application/json"));

        api.MapPost("/issue/{key}/transitions", async (HttpContext http, string key) =>
        {
            string? id = (await ReadAsync(http))?["transition"]?["id"]?.GetValue<string>();
            lock (_lock)
            {
                if (_issues.FirstOrDefault(i => i.Key == key) is not { } issue)
                    return Missing();
                if (Workflow.FirstOrDefault(w => w.Id == id) is not { Name: not null } step)
                    return Bad([$"Transition id '{id}' is not valid for this issue."]);
                issue.Status = step.Name;
                issue.Category = step.Category;
            }
            return Results.NoContent();
        });

        api.MapPost("/issue/{key}/comment", async (HttpContext http, string key) =>
        {
            var body = await ReadAsync(http);
            if (!JiraValidation.IsDocument(body?["body"]))
                return Bad([], new Dictionary<string, string> { ["comment"] = "Comment body is not valid!" });
            lock (_lock)
            {
                if (_issues.FirstOrDefault(i => i.Key == key) is not { } issue)
                    return Missing();
                issue.Comments.Add(body!["body"]!.DeepClone());
                return Results.Text(new JsonObject { ["id"] = (10000 + issue.Comments.Count).ToString(CultureInfo.InvariantCulture), ["body"] = body["body"]!.DeepClone() }.ToJsonString(VendorJson.Options),
                    "application/json", statusCode: 201);
            }
        });

        routes.MapGet("/_sim/jira/issues", (HttpContext http) =>
        {
            lock (_lock)
                return Results.Text(new JsonArray([.. _issues.Select(i =>
                {
                    var view = View(i, null, http);
                    view["comments"] = new JsonArray([.. i.Comments.Select(c => c.DeepClone())]);
                    view["updates"] = i.Updates;
                    return (JsonNode)view;
                })]).ToJsonString(VendorJson.Options), "application/json");
        });
    }

    public string ErrorBody(int status) => status switch
    {
        401 => JiraValidation.ErrorBody(["You are not authenticated. Authentication required to perform this operation."]),
        404 => JiraValidation.ErrorBody(["Issue does not exist or you do not have permission to see it."]),
        429 => JiraValidation.ErrorBody(["Rate limit exceeded."]),
        _ => JiraValidation.ErrorBody([$"Internal server error ({status})."]),
    };

    private SimIssue? Find(string key)
    {
        lock (_lock)
            return _issues.FirstOrDefault(i => i.Key == key || i.Id == key);
    }

    private static JsonObject View(SimIssue issue, JsonArray? wanted, HttpContext http)
    {
        var fields = (JsonObject)issue.Fields.DeepClone();
        fields["status"] = new JsonObject { ["name"] = issue.Status, ["statusCategory"] = new JsonObject { ["key"] = issue.Category } };
        if (wanted is not null)
        {
            var names = wanted.Select(w => w?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var name in fields.Select(f => f.Key).Where(n => !names.Contains(n)).ToArray())
                fields.Remove(name);
        }
        return new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = Self(http, issue), ["fields"] = fields };
    }

    /// <summary>Clauses <c>field = value</c> (value quoted or bare) joined by AND; null when the query has anything else.</summary>
    internal static IReadOnlyList<(string Field, string Value)>? Parse(string jql)
    {
        var clauses = new List<(string, string)>();
        foreach (var part in jql.Split(" AND ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || part.Contains("!=", StringComparison.Ordinal))
                return null;
            string field = part[..eq].Trim().ToLowerInvariant();
            string value = part[(eq + 1)..].Trim().Trim('"');
            if (field is not ("project" or "labels" or "key" or "status") || value.Length == 0)
                return null;
            clauses.Add((field, value));
        }
        return clauses.Count == 0 ? null : clauses;
    }

    private static bool Matches(SimIssue issue, (string Field, string Value) clause) => clause.Field switch
    {
        "project" => issue.Key.StartsWith(clause.Value + "-", StringComparison.OrdinalIgnoreCase),
        "key" => string.Equals(issue.Key, clause.Value, StringComparison.OrdinalIgnoreCase),
        "status" => string.Equals(issue.Status, clause.Value, StringComparison.OrdinalIgnoreCase),
        _ => issue.Fields["labels"] is JsonArray labels && labels.Any(l => l?.GetValue<string>() == clause.Value),
    };

    private static async Task<JsonObject?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Self(HttpContext http, SimIssue issue) => $"{http.Request.Scheme}://{http.Request.Host}/rest/api/3/issue/{issue.Id}";

    private static IResult Bad(IReadOnlyList<string> messages, IReadOnlyDictionary<string, string>? errors = null) =>
        Results.Text(JiraValidation.ErrorBody(messages, errors), "application/json", statusCode: 400);

    private static IResult Missing() =>
        Results.Text(JiraValidation.ErrorBody(["Issue does not exist or you do not have permission to see it."]), "application/json", statusCode: 404);

    private sealed class SimIssue(string id, string key, JsonObject fields, DateTimeOffset created)
    {
        public string Id { get; } = id;
        public string Key { get; } = key;
        public JsonObject Fields { get; } = fields;
        public DateTimeOffset Created { get; } = created;
        public string Status { get; set; } = "To Do";
        public string Category { get; set; } = "new";
        public List<JsonNode> Comments { get; } = [];
        public int Updates { get; set; }
    }
}
