using System.Globalization;
using System.Net;
using System.Text.Json;
using AutoRespond.Api.Devices;
using AutoRespond.Api.Problems;
using AutoRespond.Api.Security;
using AutoRespond.Api.Windows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api.Changes;

/// <summary><c>POST /api/v1/changes/servicenow</c>: inbound change requests become (or update, or remove) change windows.</summary>
internal static class ServiceNowEndpoints
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/changes/servicenow", HandleAsync).WithTags("changes").RequireAuthorization(ApiRoles.ChangesPolicy)
            .WithName("servicenow-change").WithSummary("Inbound ServiceNow change_request: creates, updates or removes its window")
            .Accepts<ServiceNowChange>("application/json").Produces<ChangeOutcome>(200).Produces<ChangeOutcome>(201).Produces<ChangeOutcome>(202)
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(HttpContext context, WindowService windows, IDeviceDirectory devices,
        CancellationToken cancellationToken)
    {
        var (change, problem) = await JsonBody.ReadAsync<ServiceNowChange>(context, ApiJson.Foreign);
        if (problem is not null) return problem;
        string? key = change!.SysId is { Length: > 0 } ? change.SysId : change.Number;
        if (string.IsNullOrWhiteSpace(key)) return ApiProblems.Field("sys_id", "sys_id or number is required");
        if (key.Length > 200) return ApiProblems.Field("sys_id", "is longer than 200 characters");
        string externalId = "servicenow:" + key;
        if (State(change.State) is not { } state) return ApiProblems.Field("state", "is not a change state number (-5 to 4) or name");

        if (state is 0 or 3 or 4)
        {
            string? removed = await windows.DeleteExternalAsync(externalId, context.User, cancellationToken);
            return Results.Json(new ChangeOutcome(removed is null ? "ignored" : "deleted", removed, null, [],
                removed is null ? "no window for this change" : "the change is over; its window was removed"), ApiJson.Output);
        }
        if (state is not (-2 or -1))
            return Results.Json(new ChangeOutcome("ignored", null, null, [], "the change is not scheduled yet"), ApiJson.Output,
                statusCode: StatusCodes.Status202Accepted);

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? start = Time(change.StartDate, "start_date", errors);
        string? end = Time(change.EndDate, "end_date", errors);
        var items = Items(change.CmdbCi, change.ConfigurationItems, errors);
        if (errors.Count > 0) return ApiProblems.Fields(errors);

        var known = await devices.ListAsync(cancellationToken);
        var matched = new List<string>();
        var unmatched = new List<string>();
        foreach (var item in items)
        {
            if (IPAddress.TryParse(item, out _) || IPNetwork.TryParse(item, out _)) matched.Add(item);
            else if (known.FirstOrDefault(d => string.Equals(d.Hostname, item, StringComparison.OrdinalIgnoreCase)) is { } device) matched.Add(device.Ip);
            else unmatched.Add(item);
        }
        if (matched.Count == 0)
            return ApiProblems.Field("cmdb_ci", "no configuration item names a known device (address, CIDR or known hostname); no window was made");

        string name = change.Number ?? key;
        if (change.ShortDescription is { Length: > 0 } text) name = $"{name}: {text}";
        if (name.Length > 256) name = name[..256];
        var request = new WindowRequest(name, start, end, null, null, new WindowScopeRequest(matched.Distinct().ToList(), null, null, null),
            change.Effect ?? "suppress", null);
        var (window, invalid) = WindowValidator.Validate(request);
        if (window is null) return ApiProblems.Fields(invalid.ToDictionary(e => Rename(e.Key), e => e.Value));

        var (view, created) = await windows.UpsertExternalAsync(externalId, window, "servicenow", context.User, cancellationToken);
        return Results.Json(new ChangeOutcome(created ? "created" : "updated", view.Id, view, unmatched,
            unmatched.Count == 0 ? "window in force" : $"window in force; {unmatched.Count} configuration item(s) match no device"),
            ApiJson.Output, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static int? State(JsonElement? state)
    {
        if (state is not { } s || s.ValueKind == JsonValueKind.Null) return -2;
        string text = s.ValueKind == JsonValueKind.Number ? s.GetRawText() : s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n is >= -5 and <= 4 ? n : null;
        return text.ToLowerInvariant() switch
        {
            "new" => -5, "assess" => -4, "authorize" => -3, "scheduled" => -2, "implement" => -1,
            "review" => 0, "closed" => 3, "canceled" or "cancelled" => 4, _ => null,
        };
    }

    private static string? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors[field] = ["is required"]; return null; }
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && text.Length > 19)
            return withOffset.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        errors[field] = ["is not a time such as '2026-12-05 22:00:00' (UTC) or ISO-8601 with an offset"];
        return null;
    }

    private static List<string> Items(JsonElement? cmdbCi, IReadOnlyList<string>? more, Dictionary<string, string[]> errors)
    {
        var items = new List<string>();
        if (cmdbCi is { } ci)
        {
            switch (ci.ValueKind)
            {
                case JsonValueKind.String:
                    items.AddRange(ci.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case JsonValueKind.Object when ci.TryGetProperty("display_value", out var display) && display.ValueKind == JsonValueKind.String:
                    items.Add(display.GetString()!);
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    errors["cmdb_ci"] = ["is not a string or a reference with display_value"];
                    break;
            }
        }
        items.AddRange(more?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()) ?? []);
        if (items.Count == 0 && !errors.ContainsKey("cmdb_ci")) errors["cmdb_ci"] = ["at least one configuration item is required"];
        if (items.Count > 1000) errors["cmdb_ci"] = ["more than 1000 configuration items"];
        return items;
    }

    private static string Rename(string field) => field switch
    {
        "start" => "start_date",
        "end" => "end_date",
        "scope.devices" => "cmdb_ci",
        _ => field,
    };
}
