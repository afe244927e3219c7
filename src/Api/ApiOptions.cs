namespace AutoRespond.Api;

/// <summary>How <c>AddAutoRespondApi</c> is set up beyond the config file.</summary>
public sealed record ApiOptions
{
    /// <summary>Where key variables (<c>api.keys[].key_env</c>) are read; the default value is the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// True when the process also runs the response engine (<c>run</c>): approvals and releases act through it.
    /// In <c>api</c> alone they act through the same services over the shared ledger.
    /// </summary>
    public bool WithPipeline { get; init; }
}
