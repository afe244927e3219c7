using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>
/// Binds <c>ai:</c>: <c>sanctioned</c> (service ids, or "*") and <c>catalogue</c>, a catalogue file read now, relative to
/// the configuration file, so its errors are reported with the configuration's (each naming its own file).
/// </summary>
internal static class AiSectionBinder
{
    private static readonly string[] Keys = ["sanctioned", "catalogue"];

    private static readonly ValueKind<string> ServiceRef = new(
        "a service id such as chatgpt (see docs/shadow-ai.md), or \"*\" for every service", TryParseServiceRef);

    private static bool TryParseServiceRef(string text, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value, out string? error)
    {
        error = null;
        value = text.Trim();
        return value.Length is > 0 and <= 128;
    }

    public static AiConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "ai", Keys) is not { } section)
        {
            return AiConfig.Default;
        }

        var sanctioned = section.GetList("sanctioned", "a list of service ids", ServiceRef) ?? [];
        string? path = section.Get("catalogue", ValueKinds.Text);
        IReadOnlyList<AiServiceConfig> services = [];
        if (path is not null)
        {
            string full = Resolve(context.File, path);
            try
            {
                var file = new BindContext(path);
                services = AiCatalogueLoader.Load(file, File.ReadAllText(full));
                foreach (var error in file.SortedErrors()) context.Add(error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                string reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message;
                context.Error(section["catalogue"]!, $"ai.catalogue: cannot read '{path}': {reason}");
            }
        }

        return new AiConfig(sanctioned, path, services);
    }

    /// <summary>A path relative to the configuration file's folder (or the working folder for text without a file).</summary>
    internal static string Resolve(string configFile, string path)
    {
        if (Path.IsPathRooted(path)) return path;
        string? folder = Path.GetDirectoryName(configFile);
        return string.IsNullOrEmpty(folder) || !File.Exists(configFile) ? Path.GetFullPath(path) : Path.Combine(folder, path);
    }
}
