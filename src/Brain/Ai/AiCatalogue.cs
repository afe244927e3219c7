using AutoRespond.Configuration;

namespace AutoRespond.Brain.Ai;

/// <summary>
/// The AI-service catalogue: the built-in <c>ai-services.yaml</c> (embedded), entries of the configuration's
/// <c>ai.catalogue</c> file added or replacing built-in ones by id, and <c>ai.sanctioned</c> applied. Matches host
/// names: an exact pattern first, then the longest <c>*.suffix</c> wildcard that covers the name.
/// </summary>
public sealed class AiCatalogue
{
    private const string ResourceName = "AutoRespond.Brain.Ai.ai-services.yaml";
    private static readonly Lazy<IReadOnlyList<AiServiceConfig>> BuiltInEntries = new(LoadBuiltIn);
    private readonly Dictionary<string, AiService> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AiService> _suffix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AiService> _byId = new(StringComparer.Ordinal);

    private AiCatalogue(IEnumerable<AiServiceConfig> entries, AiConfig config)
    {
        var names = new HashSet<string>(config.Sanctioned, StringComparer.OrdinalIgnoreCase);
        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            bool sanctioned = e.Sanctioned || config.SanctionsEverything || names.Contains(e.Id) || names.Contains(e.Name);
            if (names.Contains(e.Id)) matched.Add(e.Id);
            if (names.Contains(e.Name)) matched.Add(e.Name);
            var service = new AiService(e.Id, e.Name, e.Vendor, AiService.CategoryName(e.Category), e.Hosts, sanctioned);
            _byId[e.Id] = service;
            foreach (string host in e.Hosts)
            {
                if (host.StartsWith("*.", StringComparison.Ordinal)) _suffix[host[2..]] = service;
                else _exact[host] = service;
            }
        }
        UnknownSanctioned = [.. config.Sanctioned.Where(s => s != "*" && !matched.Contains(s))];
    }

    /// <summary>The built-in catalogue, nothing sanctioned.</summary>
    public static AiCatalogue Default { get; } = new(BuiltInEntries.Value, AiConfig.Default);

    /// <summary>The built-in entries as shipped (for documentation and tests).</summary>
    public static IReadOnlyList<AiServiceConfig> BuiltIn => BuiltInEntries.Value;

    /// <summary>Every service, by id.</summary>
    public IReadOnlyCollection<AiService> Services => _byId.Values;

    /// <summary>Entries of <c>ai.sanctioned</c> that name no service (a typo, or a service the catalogue lacks).</summary>
    public IReadOnlyList<string> UnknownSanctioned { get; }

    /// <summary>The catalogue a configuration asks for.</summary>
    public static AiCatalogue From(AiConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Sanctioned.Count == 0 && config.Services.Count == 0) return Default;
        var entries = new Dictionary<string, AiServiceConfig>(StringComparer.Ordinal);
        foreach (var e in BuiltInEntries.Value) entries[e.Id] = e;
        foreach (var e in config.Services) entries[e.Id] = e; // replaces a built-in entry with the same id
        return new AiCatalogue(entries.Values, config);
    }

    public AiService? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The service a host name belongs to, or null.</summary>
    public AiService? Match(string? host)
    {
        if (string.IsNullOrEmpty(host)) return null;
        string name = Normalise(host);
        if (_exact.TryGetValue(name, out var exact)) return exact;
        for (int dot = name.IndexOf('.'); dot >= 0 && dot < name.Length - 1; dot = name.IndexOf('.', dot + 1))
        {
            if (_suffix.TryGetValue(name[(dot + 1)..], out var service)) return service;
        }
        return null;
    }

    private static string Normalise(string host)
    {
        string name = host.Trim().TrimEnd('.');
        int colon = name.LastIndexOf(':');
        if (colon > 0 && name.IndexOf(':') == colon) name = name[..colon]; // Host: header with a port
        return name.ToLowerInvariant();
    }

    private static IReadOnlyList<AiServiceConfig> LoadBuiltIn()
    {
        using var stream = typeof(AiCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the built-in AI catalogue {ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return AiCatalogueLoader.LoadText(reader.ReadToEnd(), "ai-services.yaml (built in)");
    }
}
