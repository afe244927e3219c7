using AutoRespond.Configuration.Binding;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration;

/// <summary>
/// Reads an AI-service catalogue (YAML: <c>services: [ { id, name, vendor, category, hosts, sanctioned } ]</c>) with the
/// configuration's strictness: unknown keys, bad values and duplicate ids are errors with file, line and column.
/// </summary>
public static class AiCatalogueLoader
{
    /// <summary>Loads catalogue text; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ConfigException">The text is not a valid catalogue.</exception>
    public static IReadOnlyList<AiServiceConfig> LoadText(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var context = new BindContext(sourceName);
        var services = Load(context, yaml);
        if (context.HasErrors) throw new ConfigException(context.SortedErrors());
        return services;
    }

    internal static IReadOnlyList<AiServiceConfig> Load(BindContext context, string yaml)
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
            context.Error(e.Start.Line > 0 ? e.Start : filter.LastMark, $"YAML syntax error: {e.Message}");
            return [];
        }
        catch (InvalidOperationException)
        {
            context.Error(filter.LastMark, "YAML syntax error: unexpected end of a [list] or {mapping}");
            return [];
        }

        if (stream.Documents.Count == 0 || YamlBinder.IsNull(stream.Documents[0].RootNode))
        {
            return [];
        }

        return AiCatalogueBinder.Bind(context, stream.Documents[0].RootNode);
    }
}
