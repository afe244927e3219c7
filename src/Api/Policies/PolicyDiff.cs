using System.Text.Json;

namespace AutoRespond.Api.Policies;

/// <summary>A line-by-line diff of two policies as JSON: every leaf by path (<c>ladder[1].min_score</c>), in path order.</summary>
internal static class PolicyDiff
{
    public static IReadOnlyList<PolicyChange> Compare(string before, string after)
    {
        var a = Flatten(before);
        var b = Flatten(after);
        return [.. a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(path => new PolicyChange(path, a.GetValueOrDefault(path), b.GetValueOrDefault(path)))
            .Where(c => c.Before != c.After)];
    }

    private static Dictionary<string, string> Flatten(string json)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", leaves);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", leaves);
                break;
            case JsonValueKind.Null:
                break;
            default:
                leaves[path] = element.GetRawText();
                break;
        }
    }
}
