using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Node-level helpers shared by the section binders. Every failure is reported with a position.</summary>
internal static class YamlBinder
{
    /// <summary>A plain <c>null</c>, <c>~</c> or empty value: the same as leaving the key out.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>How a node is named in "got ..." messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "an empty value",
        YamlScalarNode scalar => $"'{Truncate(scalar.Value ?? string.Empty)}'",
        _ => "an unsupported node",
    };

    /// <summary>Joins a path and a key: <c>network</c> + <c>zones</c> = <c>network.zones</c>.</summary>
    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Parses a scalar node with <paramref name="kind"/>, reporting a wrong type or a bad value.</summary>
    public static bool TryParse<T>(BindContext context, YamlNode node, string path, ValueKind<T> kind, out T value)
    {
        value = default!;
        if (node is not YamlScalarNode scalar || IsNull(node))
        {
            context.Error(node, $"{path}: expected {kind.Expected}, got {Describe(node)}");
            return false;
        }

        var text = scalar.Value ?? string.Empty;
        if (kind.TryParse(text, out var parsed, out var error))
        {
            value = parsed;
            return true;
        }

        context.Error(node, $"{path}: {error ?? $"expected {kind.Expected}, got '{Truncate(text)}'"}");
        return false;
    }

    /// <summary>The items of a list node, or null (reported) when the node is not a list.</summary>
    public static IReadOnlyList<YamlNode>? Items(BindContext context, YamlNode node, string path, string expected)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        context.Error(node, $"{path}: expected {expected}, got {Describe(node)}");
        return null;
    }

    /// <summary>Parses every item of a list with <paramref name="kind"/>; bad items are reported and left out.</summary>
    public static IReadOnlyList<T>? ParseList<T>(
        BindContext context, YamlNode node, string path, string expected, ValueKind<T> kind)
    {
        if (Items(context, node, path, expected) is not { } items)
        {
            return null;
        }

        var values = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (TryParse(context, items[i], $"{path}[{i}]", kind, out var value))
            {
                values.Add(value);
            }
        }

        return [.. values];
    }

    /// <summary>Reports items that repeat an earlier one (by <paramref name="keyOf"/>).</summary>
    public static void ReportDuplicates<T, TKey>(
        BindContext context, IEnumerable<(T Item, YamlNode Node)> items, Func<T, TKey> keyOf, Func<T, string> message)
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        foreach (var (item, node) in items)
        {
            if (!seen.Add(keyOf(item)))
            {
                context.Error(node, message(item));
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
