using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Tickets.ServiceNow;

/// <summary>
/// An incident record as written (INTEGRATIONS.md §4.1): string values, <c>correlation_id</c> = our incident id.
/// Unset fields are not sent, so an update changes only what it names.
/// </summary>
internal sealed record ServiceNowIncident
{
    [JsonPropertyName("short_description")] public string? ShortDescription { get; init; }

    [JsonPropertyName("description")] public string? Description { get; init; }

    [JsonPropertyName("urgency")] public string? Urgency { get; init; }

    [JsonPropertyName("impact")] public string? Impact { get; init; }

    [JsonPropertyName("category")] public string? Category { get; init; }

    [JsonPropertyName("correlation_id")] public string? CorrelationId { get; init; }

    [JsonPropertyName("correlation_display")] public string? CorrelationDisplay { get; init; }

    [JsonPropertyName("state")] public string? State { get; init; }

    [JsonPropertyName("close_code")] public string? CloseCode { get; init; }

    [JsonPropertyName("close_notes")] public string? CloseNotes { get; init; }

    [JsonPropertyName("work_notes")] public string? WorkNotes { get; init; }
}

/// <summary>The fields read back (<c>sysparm_fields=sys_id,number,state,description</c>, no reference links).</summary>
internal sealed record ServiceNowRecord(
    [property: JsonPropertyName("sys_id")] string? SysId,
    [property: JsonPropertyName("number")] string? Number,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("description")] string? Description);

/// <summary><c>{"result":[…]}</c> from a query.</summary>
internal sealed record ServiceNowList([property: JsonPropertyName("result")] IReadOnlyList<ServiceNowRecord>? Result);

/// <summary><c>{"result":{…}}</c> from a create or an update.</summary>
internal sealed record ServiceNowSingle([property: JsonPropertyName("result")] ServiceNowRecord? Result);

/// <summary><c>{"error":{"message","detail"},"status":"failure"}</c>.</summary>
internal sealed record ServiceNowError(
    [property: JsonPropertyName("error")] ServiceNowErrorDetail? Error,
    [property: JsonPropertyName("status")] string? Status);

internal sealed record ServiceNowErrorDetail(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("detail")] string? Detail);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceNowIncident))]
[JsonSerializable(typeof(ServiceNowList))]
[JsonSerializable(typeof(ServiceNowSingle))]
[JsonSerializable(typeof(ServiceNowError))]
internal sealed partial class ServiceNowJsonContext : JsonSerializerContext;
