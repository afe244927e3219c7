using System.Net;
using System.Net.Sockets;
using AutoRespond.Contracts;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// The rare external endpoints of an incident, as mailbox search terms: the external addresses, SNI host names and
/// certificate common names the brain put into its breaches' evidence (<c>server</c>, <c>sni</c>/<c>server_name</c>,
/// <c>subject</c> <c>CN=</c>) and the external peers of the rare-endpoint models (ssl-no-sni-new-external,
/// rare-external-self-signed). Private, loopback, link-local, shared and multicast addresses are never terms.
/// </summary>
public static class IncidentEndpoints
{
    private static readonly HashSet<string> RareEndpointModels =
        new(StringComparer.Ordinal) { ModelIds.SslNoSniNewExternal, ModelIds.RareExternalSelfSigned, ModelIds.UnusualDataTransfer };

    private static readonly string[] HostKeys = ["sni", "server_name", "host", "hostname"];

    public static IReadOnlyList<string> Of(IncidentScored incident, int max = int.MaxValue)
    {
        var terms = new List<string>();
        foreach (var breach in incident.Breaches)
        {
            bool rare = RareEndpointModels.Contains(breach.Model);
            foreach (var key in HostKeys)
            {
                if (Text(breach.Evidence, key) is { } host && LooksLikeHost(host))
                    terms.Add(host.ToLowerInvariant());
            }
            if (Text(breach.Evidence, "subject") is { } subject && CommonName(subject) is { } cn && LooksLikeHost(cn))
                terms.Add(cn.ToLowerInvariant());
            if (Text(breach.Evidence, "server") is { } server && IsExternal(server))
                terms.Add(server);
            if (rare)
                terms.AddRange(breach.Peers.Where(IsExternal));
        }
        return [.. terms.Distinct(StringComparer.OrdinalIgnoreCase).Take(max)];
    }

    /// <summary>True for an address literal outside private, loopback, link-local, shared (100.64/10), multicast and unspecified space.</summary>
    public static bool IsExternal(string text)
    {
        if (!IPAddress.TryParse(text, out var ip))
            return false;
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            return false;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast);
        byte[] b = ip.GetAddressBytes();
        return !(b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && (b[1] & 0xC0) == 64) || b[0] >= 224 || b[0] == 0);
    }

    private static string? Text(IReadOnlyDictionary<string, object> evidence, string key) =>
        evidence.TryGetValue(key, out var value) && value is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string? CommonName(string subject)
    {
        foreach (var part in subject.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
                return part[3..].Trim();
        }
        return null;
    }

    /// <summary>A DNS name with at least one dot (not an address, no spaces or wildcards).</summary>
    private static bool LooksLikeHost(string text) =>
        text.Contains('.') && !IPAddress.TryParse(text, out _) && text.Length <= 253
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
