using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Tickets.PagerDuty;

/// <summary>An Events API v2 event (INTEGRATIONS.md §4.4): trigger with a payload, or resolve with only the keys.</summary>
internal sealed record PagerDutyEvent(
    [property: JsonPropertyName("routing_key")] string RoutingKey,
    [property: JsonPropertyName("event_action")] string EventAction,
    [property: JsonPropertyName("dedup_key")] string DedupKey,
    [property: JsonPropertyName("payload")] PagerDutyPayload? Payload = null,
    [property: JsonPropertyName("client")] string? Client = null);

/// <summary><c>summary</c> (≤ 1024), <c>source</c>, <c>severity</c> (critical|error|warning|info) are required.</summary>
internal sealed record PagerDutyPayload(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("component")] string? Component,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("class")] string? Class,
    [property: JsonPropertyName("custom_details")] JsonObject? CustomDetails);

/// <summary><c>202 {"status":"success","message":"Event processed","dedup_key":…}</c> or <c>400 {"status":"invalid event",…,"errors":[…]}</c>.</summary>
internal sealed record PagerDutyResponse(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("dedup_key")] string? DedupKey,
    [property: JsonPropertyName("errors")] IReadOnlyList<string>? Errors);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PagerDutyEvent))]
[JsonSerializable(typeof(PagerDutyResponse))]
internal sealed partial class PagerDutyJsonContext : JsonSerializerContext;
