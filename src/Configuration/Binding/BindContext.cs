using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Collects errors for one file during one load; every error carries a position.</summary>
internal sealed class BindContext(string file)
{
    private readonly List<ConfigError> _errors = [];

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    public void Error(Mark mark, string message) =>
        _errors.Add(new ConfigError(File, checked((int)mark.Line), checked((int)mark.Column), message));

    /// <summary>Adds an error found in another file (a file this one names, such as <c>ai.catalogue</c>).</summary>
    public void Add(ConfigError error) => _errors.Add(error);

    /// <summary>The errors in file order (a stable sort, so errors at one place keep their order).</summary>
    public IReadOnlyList<ConfigError> SortedErrors() =>
        [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
