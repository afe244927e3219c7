using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Switches.Arista;

/// <summary><c>{"jsonrpc":"2.0","method":"runCmds","params":{"version":1,"cmds":[…],"format":"json"},"id":"…"}</c>.</summary>
internal sealed record EapiRequest(
    [property: JsonPropertyName("jsonrpc")] string JsonRpc,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("params")] EapiParams Params,
    [property: JsonPropertyName("id")] string Id)
{
    public static EapiRequest RunCmds(string id, IReadOnlyList<string> cmds) => new("2.0", "runCmds", new EapiParams(1, cmds, "json"), id);
}

internal sealed record EapiParams(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("cmds")] IReadOnlyList<string> Cmds,
    [property: JsonPropertyName("format")] string Format);

/// <summary><c>{"jsonrpc":"2.0","id":"…","result":[{…},…]}</c> or, still with HTTP 200, <c>{"error":{"code":1002,…}}</c>.</summary>
internal sealed record EapiResponse(
    [property: JsonPropertyName("jsonrpc")] string? JsonRpc,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("result")] IReadOnlyList<JsonElement>? Result,
    [property: JsonPropertyName("error")] EapiError? Error);

/// <summary>Code 1002: a command failed (the ones before it have run); <c>data</c> has one element per command.</summary>
internal sealed record EapiError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("data")] IReadOnlyList<JsonElement>? Data);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EapiRequest))]
[JsonSerializable(typeof(EapiResponse))]
internal sealed partial class AristaJsonContext : JsonSerializerContext;
