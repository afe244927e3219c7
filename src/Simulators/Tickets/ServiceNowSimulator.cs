using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Tickets;

/// <summary>
/// ServiceNow's Table API for <c>incident</c> (INTEGRATIONS.md §4.1): <c>POST /api/now/[v2/]table/incident</c> (201 + Location,
/// <c>{"result":{…}}</c>), <c>GET</c> with <c>sysparm_query</c> (<c>field=value</c> terms joined by <c>^</c>),
/// <c>sysparm_fields</c> and <c>sysparm_limit</c>, <c>GET/PATCH/PUT/DELETE …/{sys_id}</c>. Basic auth; errors are
/// <c>{"error":{"message","detail"},"status":"failure"}</c>. Work notes are kept as a journal, not a field.
/// <c>GET /_sim/servicenow/incidents</c> (untagged) lists every record with its work notes.
/// </summary>
public sealed class ServiceNowSimulator : IVendorSimulator
{
    public const string Name = "servicenow";

    private readonly Lock _lock = new();
    private readonly List<JsonObject> _records = [];
    private readonly Dictionary<string, List<string>> _workNotes = new(StringComparer.Ordinal);
    private int _number = 10000;

    public string Vendor => Name;

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        var api = routes.MapGroup("").WithMetadata(new VendorTag(Name));
        api.AddEndpointFilter(async (filter, next) =>
            BasicAuth.Matches(filter.HttpContext.Request, context.Credentials.ServiceNowUser, context.Credentials.ServiceNowPassword)
                ? await next(filter)
                : Error(401, "User Not Authenticated", "Required to provide Auth information"));
        foreach (var prefix in new[] { "/api/now/table/incident", "/api/now/v2/table/incident" })
        {
            api.MapPost(prefix, async (HttpContext http) =>
            {
                if (await ReadAsync(http) is not { } body)
                    return Error(400, "Exception while reading request", "The payload is not valid JSON.");
                var now = context.Time.GetUtcNow();
                JsonObject record;
                lock (_lock)
                {
                    record = new JsonObject
                    {
                        ["sys_id"] = Guid.NewGuid().ToString("N"),
                        ["number"] = "INC" + (++_number).ToString("D7", CultureInfo.InvariantCulture),
                        ["state"] = "1",
                        ["priority"] = "5",
                        ["sys_created_on"] = Stamp(now),
                        ["sys_updated_on"] = Stamp(now),
                    };
                    Merge(record, body);
                    _records.Add(record);
                }
                http.Response.Headers.Location = $"{http.Request.Scheme}://{http.Request.Host}/api/now/table/incident/{record["sys_id"]}";
                return Result(Fields(record, http.Request.Query["sysparm_fields"]), 201);
            });
            api.MapGet(prefix, (HttpContext http) =>
            {
                var terms = Terms(http.Request.Query["sysparm_query"]);
                int limit = int.TryParse(http.Request.Query["sysparm_limit"], NumberStyles.None, CultureInfo.InvariantCulture, out int l) ? l : 10000;
                JsonArray found;
                lock (_lock)
                    found = new JsonArray([.. _records.Where(r => terms.All(t => r[t.Field]?.GetValue<string>() == t.Value)).Take(limit)
                        .Select(r => Fields(r, http.Request.Query["sysparm_fields"]))]);
                return Results.Text(new JsonObject { ["result"] = found }.ToJsonString(VendorJson.Options), "application/json");
            });
            api.MapGet(prefix + "/{sysId}", (HttpContext http, string sysId) =>
                Find(sysId) is { } record ? Result(Fields(record, http.Request.Query["sysparm_fields"])) : NotFound());
            api.MapMethods(prefix + "/{sysId}", ["PATCH", "PUT"], async (HttpContext http, string sysId) =>
            {
                if (await ReadAsync(http) is not { } body)
                    return Error(400, "Exception while reading request", "The payload is not valid JSON.");
                JsonObject? record;
                lock (_lock)
                {
                    record = _records.FirstOrDefault(r => r["sys_id"]?.GetValue<string>() == sysId);
                    if (record is not null)
                    {
                        Merge(record, body);
                        record["sys_updated_on"] = Stamp(context.Time.GetUtcNow());
                    }
                }
                return record is null ? NotFound() : Result(Fields(record, http.Request.Query["sysparm_fields"]));
            });
            api.MapDelete(prefix + "/{sysId}", (string sysId) =>
            {
                lock (_lock)
                    return _records.RemoveAll(r => r["sys_id"]?.GetValue<string>() == sysId) > 0 ? Results.NoContent() : NotFound();
            });
        }
        routes.MapGet("/_sim/servicenow/incidents", () =>
        {
            lock (_lock)
                return Results.Text(new JsonArray([.. _records.Select(r =>
                {
                    var copy = (JsonObject)r.DeepClone();
                    copy["work_notes_journal"] = new JsonArray([.. _workNotes.GetValueOrDefault(r["sys_id"]!.GetValue<string>(), []).Select(n => JsonValue.Create(n))]);
                    return copy;
                })]).ToJsonString(VendorJson.Options), "application/json");
        });
    }

    public string ErrorBody(int status) => status switch
    {
        401 => ErrorJson("User Not Authenticated", "Required to provide Auth information"),
        404 => ErrorJson("No Record found", "Record doesn't exist or ACL restricts the record retrieval"),
        429 => ErrorJson("Rate limit exceeded", "Rate limit of 10 requests per hour for Table API exceeded"),
        _ => ErrorJson("Internal server error", $"The instance answered {status}"),
    };

    /// <summary>Values are stored as strings (as the Table API does); work_notes go to the journal.</summary>
    private void Merge(JsonObject record, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (name is "sys_id" or "number")
                continue;
            string text = value is null ? "" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(VendorJson.Options);
            if (name == "work_notes")
            {
                var sysId = record["sys_id"]!.GetValue<string>();
                if (!_workNotes.TryGetValue(sysId, out var notes))
                    _workNotes[sysId] = notes = [];
                notes.Add(text);
                continue;
            }
            record[name] = text;
        }
    }

    private JsonObject? Find(string sysId)
    {
        lock (_lock)
            return _records.FirstOrDefault(r => r["sys_id"]?.GetValue<string>() == sysId)?.DeepClone() as JsonObject;
    }

    private static IReadOnlyList<(string Field, string Value)> Terms(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : [.. query.Split('^', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !t.StartsWith("ORDERBY", StringComparison.Ordinal) && t.Contains('='))
            .Select(t => (t[..t.IndexOf('=', StringComparison.Ordinal)], t[(t.IndexOf('=', StringComparison.Ordinal) + 1)..]))];

    private static JsonObject Fields(JsonObject record, string? fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
            return (JsonObject)record.DeepClone();
        var result = new JsonObject();
        foreach (var name in fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            result[name] = record[name]?.DeepClone() ?? "";
        return result;
    }

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

    private static IResult Result(JsonObject record, int status = 200) =>
        Results.Text(new JsonObject { ["result"] = record }.ToJsonString(VendorJson.Options), "application/json", statusCode: status);

    private static IResult NotFound() => Error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");

    private static IResult Error(int status, string message, string detail) =>
        Results.Text(ErrorJson(message, detail), "application/json", statusCode: status);

    private static string ErrorJson(string message, string detail) =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["detail"] = detail }, ["status"] = "failure" }.ToJsonString(VendorJson.Options);

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
