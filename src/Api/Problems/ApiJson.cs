using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoRespond.Api.Problems;

/// <summary>The API's JSON shape: snake_case names as in the config file, strict on input (unknown fields are errors).</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Input { get; } = Configure(new JsonSerializerOptions
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    });

    /// <summary>For payloads of other systems (ServiceNow): unknown fields are ignored, the rest is as strict.</summary>
    public static JsonSerializerOptions Foreign { get; } = Configure(new JsonSerializerOptions
    {
        AllowTrailingCommas = false,
        NumberHandling = JsonNumberHandling.Strict,
    });

    public static JsonSerializerOptions Output { get; } = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
