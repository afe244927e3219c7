using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoRespond.Simulators.Tickets;

/// <summary>
/// Jira Cloud v3's checks on issue fields, with its error texts (INTEGRATIONS.md §4.3): a summary and an issue type are
/// required on create, the description must be an Atlassian Document (a plain string is refused), labels may not contain
/// spaces, the priority must exist. Each failure is one entry of <c>errors</c> (field → message).
/// </summary>
internal static class JiraValidation
{
    public static readonly IReadOnlySet<string> IssueTypes = new HashSet<string>(StringComparer.Ordinal) { "Task", "Bug", "Story", "Epic", "Incident" };

    public static readonly IReadOnlySet<string> Priorities = new HashSet<string>(StringComparer.Ordinal) { "Highest", "High", "Medium", "Low", "Lowest" };

    public static Dictionary<string, string> Check(JsonObject fields, bool create, IReadOnlySet<string> projects)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (create)
        {
            if (fields["project"]?["key"]?.GetValue<string>() is not { } project || !projects.Contains(project))
                errors["project"] = "Specify a valid project ID or key";
            if (fields["issuetype"]?["name"]?.GetValue<string>() is not { } type)
                errors["issuetype"] = "Specify an issue type";
            else if (!IssueTypes.Contains(type))
                errors["issuetype"] = "Specify a valid issue type";
        }
        if (fields.ContainsKey("summary") || create)
        {
            if (fields["summary"] is not JsonValue summary || summary.GetValueKind() != JsonValueKind.String || summary.GetValue<string>().Trim().Length == 0)
                errors["summary"] = "You must specify a summary of the issue.";
            else if (summary.GetValue<string>().Length > 255)
                errors["summary"] = "Summary must be less than 255 characters.";
        }
        if (fields["description"] is { } description && !IsDocument(description))
            errors["description"] = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
        if (fields["labels"] is JsonArray labels && labels.FirstOrDefault(l => l?.GetValue<string>() is not { } s || s.Contains(' ')) is { } bad)
            errors["labels"] = $"The label '{bad}' contains spaces which is invalid.";
        if (fields["priority"] is { } priority && (priority["name"]?.GetValue<string>() is not { } name || !Priorities.Contains(name)))
            errors["priority"] = "Specify the Priority (id or name) in the string format";
        return errors;
    }

    /// <summary>An ADF document: <c>{"type":"doc","version":1,"content":[…]}</c> whose text nodes are not empty.</summary>
    public static bool IsDocument(JsonNode? node) =>
        node is JsonObject doc
        && doc["type"]?.GetValueKind() == JsonValueKind.String && doc["type"]!.GetValue<string>() == "doc"
        && doc["version"]?.GetValueKind() == JsonValueKind.Number && doc["version"]!.GetValue<int>() == 1
        && doc["content"] is JsonArray content && content.All(ValidNode);

    private static bool ValidNode(JsonNode? node)
    {
        if (node is not JsonObject o || o["type"]?.GetValueKind() != JsonValueKind.String)
            return false;
        if (o["type"]!.GetValue<string>() == "text")
            return o["text"]?.GetValueKind() == JsonValueKind.String && o["text"]!.GetValue<string>().Length > 0;
        return o["content"] is null || (o["content"] is JsonArray children && children.All(ValidNode));
    }

    public static string ErrorBody(IReadOnlyList<string> messages, IReadOnlyDictionary<string, string>? errors = null)
    {
        var fields = new JsonObject();
        foreach (var (field, message) in errors ?? new Dictionary<string, string>())
            fields[field] = message;
        return new JsonObject
        {
            ["errorMessages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]),
            ["errors"] = fields,
        }.ToJsonString(VendorJson.Options);
    }
}
