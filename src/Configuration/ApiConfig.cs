namespace AutoRespond.Configuration;

/// <summary>The <c>api:</c> section.</summary>
/// <param name="Listen">The HTTP(S) address to listen on (default <c>http://127.0.0.1:5080</c>).</param>
/// <param name="Keys">API keys; names and variables are unique.</param>
public sealed record ApiConfig(Uri Listen, IReadOnlyList<ApiKeyConfig> Keys)
{
    /// <summary>The listener used when none is configured.</summary>
    public static Uri DefaultListen { get; } = new("http://127.0.0.1:5080");

    /// <summary>Loopback on port 5080, no keys.</summary>
    public static ApiConfig Default { get; } = new(DefaultListen, []);
}

/// <summary>One API key.</summary>
/// <param name="Name">A label for audit logs.</param>
/// <param name="KeyEnv">The environment variable that holds the key (the name, never the key).</param>
/// <param name="Role">What the key may do.</param>
public sealed record ApiKeyConfig(string Name, string KeyEnv, ApiRole Role);

/// <summary>API roles: <c>admin</c>, <c>scheduler</c>, <c>viewer</c>, <c>ticketing</c>.</summary>
public enum ApiRole
{
    /// <summary><c>admin</c>: everything.</summary>
    Admin,

    /// <summary><c>scheduler</c>: read, and manage change windows.</summary>
    Scheduler,

    /// <summary><c>viewer</c>: read only.</summary>
    Viewer,

    /// <summary><c>ticketing</c>: post inbound change requests only.</summary>
    Ticketing,
}
