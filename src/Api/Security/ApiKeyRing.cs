using System.Security.Cryptography;
using System.Text;
using AutoRespond.Configuration;

namespace AutoRespond.Api.Security;

/// <summary>One usable key: its name (for audit), role, and the SHA-256 of the key (the key itself is not kept).</summary>
internal sealed record ApiKeyEntry(string Name, ApiRole Role, byte[] Hash);

/// <summary>
/// The configured API keys, read once from their environment variables (CONTRACT.md §2 <c>api.keys</c>). A presented
/// key is hashed and compared with every configured hash in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>),
/// so neither the match nor its position leaks through timing. Keys whose variable is unset or empty are not usable.
/// </summary>
internal sealed class ApiKeyRing
{
    private readonly ApiKeyEntry[] _keys;

    public ApiKeyRing(IEnumerable<ApiKeyConfig> keys, Func<string, string?> environment)
    {
        var usable = new List<ApiKeyEntry>();
        var missing = new List<string>();
        foreach (var key in keys)
        {
            if (environment(key.KeyEnv) is { Length: > 0 } secret) usable.Add(new ApiKeyEntry(key.Name, key.Role, Hash(secret)));
            else missing.Add(key.KeyEnv);
        }
        _keys = [.. usable];
        MissingVariables = missing;
    }

    /// <summary>Names of the variables that were unset (names only, never values), for a start-up warning.</summary>
    public IReadOnlyList<string> MissingVariables { get; }

    public int Count => _keys.Length;

    /// <summary>The key the presented secret matches, or null. Every configured key is compared, whatever matches.</summary>
    public ApiKeyEntry? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKeyEntry? found = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash)) found ??= key;
        }
        return found;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
