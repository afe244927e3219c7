using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Firewalls.OpnSense;

/// <summary><c>{"address":"1.2.3.4"}</c>.</summary>
internal sealed record OpnSenseAddress([property: JsonPropertyName("address")] string Address);

/// <summary>
/// <c>{"status":"done"}</c>; failures come with HTTP 200 too: <c>not_an_address</c>, <c>failed</c> (+ <c>status_msg</c>).
/// Error bodies (401, 400) carry <c>status</c> as a number and a <c>message</c>, read as <see cref="OpnSenseError"/>.
/// </summary>
internal sealed record OpnSenseStatus(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("status_msg")] string? StatusMessage);

/// <summary><c>{"status":401,"message":"Authentication Failed"}</c>.</summary>
internal sealed record OpnSenseError(
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("message")] string? Message);

/// <summary><c>{"total":1,"rowCount":9999,"current":1,"rows":[{"ip":"1.2.3.4"}]}</c>.</summary>
internal sealed record OpnSenseList(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("rows")] IReadOnlyList<OpnSenseRow>? Rows);

internal sealed record OpnSenseRow([property: JsonPropertyName("ip")] string? Ip);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpnSenseAddress))]
[JsonSerializable(typeof(OpnSenseStatus))]
[JsonSerializable(typeof(OpnSenseError))]
[JsonSerializable(typeof(OpnSenseList))]
internal sealed partial class OpnSenseJsonContext : JsonSerializerContext;
