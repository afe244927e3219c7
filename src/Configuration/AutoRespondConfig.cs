namespace AutoRespond.Configuration;

/// <summary>
/// The whole configuration file (CONTRACT.md §2). Every section is optional; an absent section
/// takes the defaults documented on its type, so <see cref="Default"/> is the configuration of an empty file.
/// </summary>
public sealed record AutoRespondConfig
{
    /// <summary>The configuration of an empty file: every section at its defaults.</summary>
    public static AutoRespondConfig Default { get; } = new();

    /// <summary>Internal networks, zones and protected devices.</summary>
    public NetworkConfig Network { get; init; } = NetworkConfig.Default;

    /// <summary>The learning period.</summary>
    public LearningConfig Learning { get; init; } = LearningConfig.Default;

    /// <summary>The message bus.</summary>
    public BusConfig Bus { get; init; } = BusConfig.Default;

    /// <summary>The database.</summary>
    public StorageConfig Storage { get; init; } = StorageConfig.Default;

    /// <summary>The response mode, ladder and limits.</summary>
    public ResponseConfig Response { get; init; } = ResponseConfig.Default;

    /// <summary>Change windows declared in the file (more may be added through the API).</summary>
    public IReadOnlyList<WindowConfig> Windows { get; init; } = [];

    /// <summary>Responder targets.</summary>
    public IntegrationsConfig Integrations { get; init; } = IntegrationsConfig.Default;

    /// <summary>The HTTP API listener and its keys.</summary>
    public ApiConfig Api { get; init; } = ApiConfig.Default;

    /// <summary>AI services: which are sanctioned, and catalogue additions (issue 9).</summary>
    public AiConfig Ai { get; init; } = AiConfig.Default;

    /// <summary>The scheduled report (issue 9).</summary>
    public ReportsConfig Reports { get; init; } = ReportsConfig.Default;

    /// <summary>Full path of the file this was loaded from; null for text loaded with <see cref="ConfigLoader.LoadText"/>.</summary>
    public string? SourcePath { get; init; }
}
