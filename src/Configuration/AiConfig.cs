namespace AutoRespond.Configuration;

/// <summary>The <c>ai:</c> section (issue 9, additive to CONTRACT.md §2): which AI services are sanctioned, and more of them.</summary>
/// <param name="Sanctioned">Service ids (or names, case-insensitive) the organisation approved; <c>"*"</c> sanctions every service.</param>
/// <param name="CataloguePath">The <c>catalogue:</c> file as written (relative to the configuration file), or null.</param>
/// <param name="Services">The services of that file, already validated; they add to the built-in catalogue or replace an entry with the same id.</param>
public sealed record AiConfig(IReadOnlyList<string> Sanctioned, string? CataloguePath, IReadOnlyList<AiServiceConfig> Services)
{
    /// <summary>No service sanctioned beyond the catalogue's own flags; the built-in catalogue only.</summary>
    public static AiConfig Default { get; } = new([], null, []);

    /// <summary>True when <c>sanctioned</c> holds <c>"*"</c>.</summary>
    public bool SanctionsEverything => Sanctioned.Contains("*", StringComparer.Ordinal);
}
