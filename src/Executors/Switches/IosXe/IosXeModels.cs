using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Switches.IosXe;

/// <summary><c>{"Cisco-IOS-XE-acl:extended":[{…}]}</c>: the body of GET and PATCH on one extended ACL.</summary>
internal sealed record IosXeAclDocument(
    [property: JsonPropertyName("Cisco-IOS-XE-acl:extended")] IReadOnlyList<IosXeExtendedAcl>? Extended);

/// <summary><c>{"name":"BLOCK-IN","access-list-seq-rule":[…]}</c>.</summary>
internal sealed record IosXeExtendedAcl(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("access-list-seq-rule")] IReadOnlyList<IosXeEntry>? Entries);

/// <summary>One entry; the sequence is written as a string (as the doc's example) and read as either.</summary>
internal sealed record IosXeEntry(
    [property: JsonPropertyName("sequence"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)] long Sequence,
    [property: JsonPropertyName("ace-rule")] IosXeAceRule? AceRule,
    [property: JsonPropertyName("remark")] string? Remark = null);

/// <summary>
/// <c>{"action":"deny","protocol":"ip","host-address":"1.2.3.4","dst-any":[null]}</c>; YANG empty leaves are
/// <c>[null]</c>.
/// </summary>
internal sealed record IosXeAceRule(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("host-address")] string? HostAddress = null,
    [property: JsonPropertyName("any")] IReadOnlyList<string?>? Any = null,
    [property: JsonPropertyName("dst-any")] IReadOnlyList<string?>? DstAny = null)
{
    public static IReadOnlyList<string?> Empty { get; } = [null];
}

/// <summary>The RFC 8040 error body (with or without the module prefix, as IOS-XE versions differ).</summary>
internal sealed record IosXeErrors(
    [property: JsonPropertyName("ietf-restconf:errors")] IosXeErrorList? Prefixed,
    [property: JsonPropertyName("errors")] IosXeErrorList? Plain);

internal sealed record IosXeErrorList([property: JsonPropertyName("error")] IReadOnlyList<IosXeError>? Error);

internal sealed record IosXeError(
    [property: JsonPropertyName("error-type")] string? Type,
    [property: JsonPropertyName("error-tag")] string? Tag,
    [property: JsonPropertyName("error-message")] string? Message);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IosXeAclDocument))]
[JsonSerializable(typeof(IosXeErrors))]
internal sealed partial class IosXeJsonContext : JsonSerializerContext;
