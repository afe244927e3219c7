using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AutoRespond.Executors.Tickets.Jira;

/// <summary><c>POST /rest/api/3/search/jql</c> body.</summary>
internal sealed record JiraSearchRequest(
    [property: JsonPropertyName("jql")] string Jql,
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("maxResults")] int MaxResults);

internal sealed record JiraSearchResult([property: JsonPropertyName("issues")] IReadOnlyList<JiraIssue>? Issues);

/// <summary>An issue as searched: key and the fields asked for (description stays raw ADF).</summary>
internal sealed record JiraIssue(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("fields")] JiraIssueFields? Fields);

internal sealed record JiraIssueFields(
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("status")] JiraStatus? Status,
    [property: JsonPropertyName("description")] JsonNode? Description);

internal sealed record JiraStatus(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("statusCategory")] JiraStatusCategory? StatusCategory);

/// <summary><c>new</c>, <c>indeterminate</c> or <c>done</c>.</summary>
internal sealed record JiraStatusCategory([property: JsonPropertyName("key")] string? Key);

/// <summary><c>201 {"id","key","self"}</c>.</summary>
internal sealed record JiraCreated(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("self")] string? Self);

internal sealed record JiraTransitions([property: JsonPropertyName("transitions")] IReadOnlyList<JiraTransition>? Transitions);

internal sealed record JiraTransition(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("to")] JiraStatus? To);

/// <summary><c>{"errorMessages":[…],"errors":{field: message}}</c>.</summary>
internal sealed record JiraError(
    [property: JsonPropertyName("errorMessages")] IReadOnlyList<string>? ErrorMessages,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string>? Errors);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JiraSearchRequest))]
[JsonSerializable(typeof(JiraSearchResult))]
[JsonSerializable(typeof(JiraCreated))]
[JsonSerializable(typeof(JiraTransitions))]
[JsonSerializable(typeof(JiraError))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JiraJsonContext : JsonSerializerContext;
