using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRespond.Simulators.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Simulators.Tickets;

/// <summary>
/// PagerDuty Events API v2 (INTEGRATIONS.md §4.4): <c>POST /v2/enqueue</c>, no auth header (the body's 32-character
/// <c>routing_key</c>). 202 <c>{"status":"success","message":"Event processed","dedup_key":…}</c>; 400
/// <c>{"status":"invalid event","message":"Event object is invalid","errors":[…]}</c>. Dedup: a trigger whose key has an
/// open alert adds to it; a trigger on a resolved key opens a new alert; acknowledge/resolve without an open alert are dropped.
/// <c>GET /_sim/pagerduty/alerts</c> (untagged) lists every alert.
/// </summary>
public sealed class PagerDutySimulator : IVendorSimulator
{
    public const string Name = "pagerduty";

    private static readonly HashSet<string> Severities = new(StringComparer.Ordinal) { "critical", "error", "warning", "info" };

    private readonly Lock _lock = new();
    private readonly List<SimAlert> _alerts = [];
    private int _dropped;

    public string Vendor => Name;

    public void Map(IEndpointRouteBuilder routes, SimulatorContext context)
    {
        var api = routes.MapGroup("").WithMetadata(new VendorTag(Name));
        api.MapPost("/v2/enqueue", async (HttpContext http) =>
        {
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
            if (body is null)
                return Invalid("Event object is not valid JSON");
            if (Check(body, context.Credentials.PagerDutyRoutingKey) is { Count: > 0 } errors)
                return Invalid([.. errors]);
            string action = body["event_action"]!.GetValue<string>();
            string dedup = body["dedup_key"]?.GetValue<string>() is { Length: > 0 } key ? key : Guid.NewGuid().ToString("N");
            lock (_lock)
            {
                var open = _alerts.FirstOrDefault(a => a.DedupKey == dedup && a.Status != "resolved");
                if (action == "trigger")
                {
                    if (open is null)
                        _alerts.Add(open = new SimAlert(dedup));
                    open.Triggers++;
                    open.Payload = body["payload"]!.DeepClone();
                }
                else if (open is null)
                    _dropped++;
                else
                    open.Status = action == "resolve" ? "resolved" : "acknowledged";
            }
            return Results.Text(new JsonObject { ["status"] = "success", ["message"] = "Event processed", ["dedup_key"] = dedup }.ToJsonString(VendorJson.Options),
                "application/json", statusCode: 202);
        });

        routes.MapGet("/_sim/pagerduty/alerts", () =>
        {
            lock (_lock)
                return Results.Text(new JsonObject
                {
                    ["dropped"] = _dropped,
                    ["alerts"] = new JsonArray([.. _alerts.Select(a => new JsonObject
                    {
                        ["dedup_key"] = a.DedupKey, ["status"] = a.Status, ["triggers"] = a.Triggers, ["payload"] = a.Payload?.DeepClone(),
                    })]),
                }.ToJsonString(VendorJson.Options), "application/json");
        });
    }

    public string ErrorBody(int status) => status switch
    {
        400 => InvalidJson(["Event object is invalid"]),
        429 => new JsonObject { ["status"] = "throttle event", ["message"] = "Requests for this service are arriving too quickly.  Please retry later." }.ToJsonString(VendorJson.Options),
        _ => new JsonObject { ["status"] = "error", ["message"] = "An internal error occurred. Please retry." }.ToJsonString(VendorJson.Options),
    };

    private static List<string> Check(JsonObject body, string routingKey)
    {
        var errors = new List<string>();
        string? key = body["routing_key"]?.GetValueKind() == JsonValueKind.String ? body["routing_key"]!.GetValue<string>() : null;
        if (key is null)
            errors.Add("'routing_key' is missing or blank");
        else if (key.Length != 32)
            errors.Add("Length of 'routing_key' is incorrect (should be 32 characters)");
        else if (key != routingKey)
            errors.Add("Invalid routing key");
        string? action = body["event_action"]?.GetValueKind() == JsonValueKind.String ? body["event_action"]!.GetValue<string>() : null;
        if (action is not ("trigger" or "acknowledge" or "resolve"))
            errors.Add("'event_action' is missing or invalid (trigger, acknowledge, resolve)");
        if (action is "acknowledge" or "resolve" && body["dedup_key"]?.GetValue<string>() is not { Length: > 0 })
            errors.Add("'dedup_key' is missing or blank");
        if (action == "trigger")
        {
            if (body["payload"] is not JsonObject payload)
                errors.Add("'payload' is missing or blank");
            else
            {
                if (payload["summary"]?.GetValue<string>() is not { Length: > 0 } summary)
                    errors.Add("'payload.summary' is missing or blank");
                else if (summary.Length > 1024)
                    errors.Add("'payload.summary' is longer than 1024 characters");
                if (payload["source"]?.GetValue<string>() is not { Length: > 0 })
                    errors.Add("'payload.source' is missing or blank");
                if (payload["severity"]?.GetValue<string>() is not { } severity || !Severities.Contains(severity))
                    errors.Add("'payload.severity' is missing or invalid (critical, error, warning, info)");
            }
        }
        return errors;
    }

    private static IResult Invalid(params string[] errors) =>
        Results.Text(InvalidJson(errors), "application/json", statusCode: 400);

    private static string InvalidJson(IEnumerable<string> errors) => new JsonObject
    {
        ["status"] = "invalid event",
        ["message"] = "Event object is invalid",
        ["errors"] = new JsonArray([.. errors.Select(e => JsonValue.Create(e))]),
    }.ToJsonString(VendorJson.Options);

    private sealed class SimAlert(string dedupKey)
    {
        public string DedupKey { get; } = dedupKey;
        public string Status { get; set; } = "triggered";
        public int Triggers { get; set; }
        public JsonNode? Payload { get; set; }
    }
}
