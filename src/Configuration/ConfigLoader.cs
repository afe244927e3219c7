using AutoRespond.Configuration.Binding;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration;

/// <summary>
/// Loads and validates the configuration file (CONTRACT.md §2). Strict: unknown keys, wrong types and bad
/// values are errors, and every error of the file is reported at once, each with its line and column.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The top-level sections, in the order of CONTRACT.md §2.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["network", "learning", "bus", "storage", "response", "windows", "integrations", "api", "ai", "reports"];

    /// <summary>Loads a file. Errors name the file as <paramref name="path"/> is written.</summary>
    /// <exception cref="ConfigException">The file cannot be read or is invalid.</exception>
    public static AutoRespondConfig LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = e switch
            {
                _ when Directory.Exists(path) => "it is a directory",
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new ConfigException([new ConfigError(path, 0, 0, $"cannot read configuration file: {reason}")]);
        }

        return LoadText(text, path) with { SourcePath = Path.GetFullPath(path) };
    }

    /// <summary>Loads YAML text; <paramref name="sourceName"/> names it in errors. An empty text gives <see cref="AutoRespondConfig.Default"/>.</summary>
    /// <exception cref="ConfigException">The text is invalid.</exception>
    public static AutoRespondConfig LoadText(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var context = new BindContext(sourceName);
        var root = Parse(yaml, context);
        var config = root is null ? AutoRespondConfig.Default : Bind(context, root);
        if (context.HasErrors)
        {
            throw new ConfigException(context.SortedErrors());
        }

        return config;
    }

    private static YamlNode? Parse(string yaml, BindContext context)
    {
        using var reader = new StringReader(yaml);
        var filter = new DuplicateKeyFilter(new Parser(reader), context);
        var stream = new YamlStream();
        try
        {
            stream.Load(filter);
        }
        catch (YamlException e)
        {
            var position = e.Start.Line > 0 ? e.Start : filter.LastMark;
            context.Error(position, $"YAML syntax error: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this without a position for some unterminated flow collections.
            context.Error(filter.LastMark, "YAML syntax error: unexpected end of a [list] or {mapping}; is a ']' or '}' missing?");
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's node loader throws this, without a position, for an alias ('*name') standing where no node
            // can start (found by the hostile-input fuzzer, issue 8).
            context.Error(filter.LastMark, "YAML syntax error: an alias ('*name') or value stands where a key or a new line is expected");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Error(stream.Documents[1].RootNode, "only one YAML document is allowed in a configuration file");
        }

        return stream.Documents.Count == 0 || YamlBinder.IsNull(stream.Documents[0].RootNode) ? null : stream.Documents[0].RootNode;
    }

    private static AutoRespondConfig Bind(BindContext context, YamlNode root)
    {
        var top = YamlSection.Open(context, root, string.Empty, [.. Sections]);
        if (top is null)
        {
            return AutoRespondConfig.Default;
        }

        var network = NetworkSectionBinder.Bind(context, top["network"]);
        return new AutoRespondConfig
        {
            Network = network,
            Learning = LearningSectionBinder.Bind(context, top["learning"]),
            Bus = BusSectionBinder.Bind(context, top["bus"]),
            Storage = StorageSectionBinder.Bind(context, top["storage"]),
            Response = ResponseSectionBinder.Bind(context, top["response"], network),
            Windows = WindowsSectionBinder.Bind(context, top["windows"]),
            Integrations = IntegrationsSectionBinder.Bind(context, top["integrations"]),
            Api = ApiSectionBinder.Bind(context, top["api"]),
            Ai = AiSectionBinder.Bind(context, top["ai"]),
            Reports = ReportsSectionBinder.Bind(context, top["reports"]),
        };
    }
}
