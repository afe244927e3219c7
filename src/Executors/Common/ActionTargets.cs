using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AutoRespond.Responders.Planning;

namespace AutoRespond.Executors.Common;

/// <summary>What the network executors need from an action: its target as an address, and the time it has left.</summary>
public static class ActionTargets
{
    /// <summary>
    /// Parses a single IPv4 or IPv6 address in its usual text form (no prefix, no zone, no short IPv4 forms such
    /// as <c>1.2.3</c> that <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> would also take).
    /// </summary>
    public static bool TryParseAddress(string? target, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(target) || target.Length > 45 || target.Contains('/') || target.Contains('%')
            || !IPAddress.TryParse(target, out var parsed))
            return false;
        if (parsed.AddressFamily == AddressFamily.InterNetwork && (target.Count(c => c == '.') != 3 || parsed.ToString() != target))
            return false;
        if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && (!target.Contains(':') || parsed.IsIPv4MappedToIPv6))
            return false;
        address = parsed;
        return true;
    }

    /// <summary>
    /// The action's remaining duration at <paramref name="time"/>: null when it has no expiry (it stays until
    /// reverted), <see cref="TimeSpan.Zero"/> or less when it has already expired.
    /// </summary>
    public static TimeSpan? Remaining(PlannedAction action, TimeProvider time) =>
        action.Expires is { } expires ? expires - time.GetUtcNow() : null;

    /// <summary>Whole seconds, rounded up, at least 1.</summary>
    public static long WholeSeconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalSeconds));

    /// <summary>"900 s (until 2026-12-06T04:00:00Z)" or "no expiry".</summary>
    public static string DescribeExpiry(PlannedAction action, TimeSpan? remaining) =>
        remaining is { } r && action.Expires is { } e
            ? $"{WholeSeconds(r).ToString(CultureInfo.InvariantCulture)} s (until {e.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)})"
            : "no expiry";
}
