namespace AutoRespond.Executors.Common;

/// <summary>
/// Resolves the secrets the config names by environment variable (<c>token_env</c>, <c>password_env</c>…).
/// Errors name the variable, never a value.
/// </summary>
public interface ISecretSource
{
    /// <summary>The secret held by <paramref name="variable"/>, or null when it is unset or empty.</summary>
    string? Find(string variable);
}

/// <summary>Secrets from the process environment (what systemd <c>EnvironmentFile=</c> or a vault agent provides).</summary>
public sealed class EnvironmentSecretSource : ISecretSource
{
    public static EnvironmentSecretSource Instance { get; } = new();

    public string? Find(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}

/// <summary>Fixed secrets, for tests and the simulator demo.</summary>
public sealed class DictionarySecretSource(IReadOnlyDictionary<string, string> secrets) : ISecretSource
{
    public string? Find(string variable) => secrets.TryGetValue(variable, out var value) && value.Length > 0 ? value : null;
}
