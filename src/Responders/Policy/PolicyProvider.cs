using AutoRespond.Configuration;

namespace AutoRespond.Responders.Policy;

/// <summary>The response policy in force and its version (0: the config file; 1 and up: <c>IPolicyStore</c>).</summary>
public sealed record ActivePolicy(int Version, ResponseConfig Response);

/// <summary>
/// Holds the response policy in force. Readers take <see cref="Current"/> once per decision (one consistent
/// snapshot); <see cref="TrySwap"/> replaces it atomically. Versions only move forward, so a redelivered or
/// late <c>PolicyChanged</c> for an older version changes nothing.
/// </summary>
public sealed class PolicyProvider
{
    /// <summary>The version of the policy read from the config file.</summary>
    public const int FileVersion = 0;

    private ActivePolicy _current;

    public PolicyProvider(ResponseConfig initial, int version = FileVersion)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = new ActivePolicy(version, initial);
    }

    public ActivePolicy Current => Volatile.Read(ref _current);

    /// <summary>Puts <paramref name="response"/> in force as <paramref name="version"/>, unless that version is not newer.</summary>
    /// <returns>True when swapped; false when the policy in force is already that version or a later one.</returns>
    public bool TrySwap(int version, ResponseConfig response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var next = new ActivePolicy(version, response);
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (version <= current.Version) return false;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, current), current)) return true;
        }
    }
}
