using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Firewalls.FortiOs;

/// <summary><c>{"ip_addresses":["1.2.3.4"],"expiry":900}</c>: expiry in seconds, 0 = never expires.</summary>
internal sealed record FortiOsBanRequest(
    [property: JsonPropertyName("ip_addresses")] IReadOnlyList<string> IpAddresses,
    [property: JsonPropertyName("expiry")] long Expiry);

/// <summary><c>{"ip_addresses":["1.2.3.4"]}</c>.</summary>
internal sealed record FortiOsClearRequest(
    [property: JsonPropertyName("ip_addresses")] IReadOnlyList<string> IpAddresses);

/// <summary>The response envelope's fields we read: <c>"status":"success"|"error"</c>, <c>http_status</c>, <c>error</c>.</summary>
internal sealed record FortiOsResult(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("http_status")] int? HttpStatus,
    [property: JsonPropertyName("error")] int? Error,
    [property: JsonPropertyName("vdom")] string? Vdom);

/// <summary>The envelope of <c>banned/select</c>, with its <c>results</c>.</summary>
internal sealed record FortiOsBanList(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("results")] IReadOnlyList<FortiOsBan>? Results);

/// <summary>One ban: <c>{"ip_address":"1.2.3.4","ipv6":false,"created":…,"expires":…,"source":"admin"}</c> (epoch seconds; expires 0 = never).</summary>
internal sealed record FortiOsBan(
    [property: JsonPropertyName("ip_address")] string? IpAddress,
    [property: JsonPropertyName("ipv6")] bool Ipv6,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("expires")] long Expires,
    [property: JsonPropertyName("source")] string? Source);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FortiOsBanRequest))]
[JsonSerializable(typeof(FortiOsClearRequest))]
[JsonSerializable(typeof(FortiOsResult))]
[JsonSerializable(typeof(FortiOsBanList))]
internal sealed partial class FortiOsJsonContext : JsonSerializerContext;
