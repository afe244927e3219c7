using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>
/// A mapping whose keys have been checked against the keys it may have. Getters report bad values and
/// return null (or false) so the binder can go on and find the file's other errors.
/// </summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    private YamlSection(BindContext context, YamlMappingNode node, string path)
    {
        Context = context;
        Node = node;
        Path = path;
    }

    public BindContext Context { get; }

    public YamlMappingNode Node { get; }

    /// <summary>Dotted path of the mapping (<c>integrations.fortios</c>); empty for the top level.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping with the given keys. Null when the node is absent or null
    /// (the section takes its defaults) or is not a mapping (reported).
    /// </summary>
    public static YamlSection? Open(BindContext context, YamlNode? node, string path, IReadOnlyList<string> keys)
    {
        if (node is null || YamlBinder.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            var message = path.Length == 0 ? "expected a mapping at the top level" : $"{path}: expected a mapping";
            context.Error(node, $"{message}, got {YamlBinder.Describe(node)}");
            return null;
        }

        var section = new YamlSection(context, mapping, path);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || YamlBinder.IsNull(keyNode))
            {
                context.Error(keyNode, $"keys must be plain names, got {YamlBinder.Describe(keyNode)}");
            }
            else if (!keys.Contains(key, StringComparer.Ordinal))
            {
                var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
                context.Error(keyNode, $"unknown key '{key}' {where}; expected one of: {string.Join(", ", keys)}");
            }
            else if (!YamlBinder.IsNull(valueNode))
            {
                section._values[key] = valueNode;
            }
        }

        return section;
    }

    /// <summary>Opens a list item as a mapping; unlike <see cref="Open"/>, an empty item is reported.</summary>
    public static YamlSection? OpenItem(BindContext context, YamlNode node, string path, IReadOnlyList<string> keys, string what)
    {
        if (YamlBinder.IsNull(node))
        {
            context.Error(node, $"{path}: expected {what}, got an empty value");
            return null;
        }

        return Open(context, node, path, keys);
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent or null.</summary>
    public YamlNode? this[string key] => _values.GetValueOrDefault(key);

    public bool Has(string key) => _values.ContainsKey(key);

    public string PathOf(string key) => YamlBinder.Child(Path, key);

    /// <summary>Reports <c>missing required key</c> at the mapping when <paramref name="key"/> is absent.</summary>
    public YamlNode? Require(string key)
    {
        if (this[key] is { } value)
        {
            return value;
        }

        var where = Path.Length == 0 ? "at the top level" : $"in '{Path}'";
        Context.Error(Node, $"missing required key '{key}' {where}");
        return null;
    }

    /// <summary>Opens the child mapping at <paramref name="key"/>.</summary>
    public YamlSection? Mapping(string key, IReadOnlyList<string> keys) => Open(Context, this[key], PathOf(key), keys);

    /// <summary>A reference-typed value; null when absent (reported if <paramref name="required"/>) or invalid.</summary>
    public T? Get<T>(string key, ValueKind<T> kind, bool required = false)
        where T : class =>
        TryGet(key, kind, required, out var value) ? value : null;

    /// <summary>A value-typed value; null when absent (reported if <paramref name="required"/>) or invalid.</summary>
    public T? GetValue<T>(string key, ValueKind<T> kind, bool required = false)
        where T : struct =>
        TryGet(key, kind, required, out var value) ? value : null;

    /// <summary>A list of scalars; null when absent or not a list (reported); bad items are reported and left out.</summary>
    public IReadOnlyList<T>? GetList<T>(string key, string expected, ValueKind<T> kind) =>
        this[key] is { } node ? YamlBinder.ParseList(Context, node, PathOf(key), expected, kind) : null;

    /// <summary>The items of a list of mappings (or other nodes); null when absent or not a list (reported).</summary>
    public IReadOnlyList<YamlNode>? GetItems(string key, string expected) =>
        this[key] is { } node ? YamlBinder.Items(Context, node, PathOf(key), expected) : null;

    /// <summary>Reports <paramref name="key"/> as not allowed here (for keys that depend on another value).</summary>
    public void RejectIfPresent(string key, string reason)
    {
        if (this[key] is { } node)
        {
            Context.Error(node, $"{PathOf(key)}: {reason}");
        }
    }

    private bool TryGet<T>(string key, ValueKind<T> kind, bool required, out T value)
    {
        value = default!;
        var node = required ? Require(key) : this[key];
        return node is not null && YamlBinder.TryParse(Context, node, PathOf(key), kind, out value);
    }
}
