using System.Text;
using Microsoft.AspNetCore.Http;

namespace AutoRespond.Simulators.Tickets;

/// <summary>Checks <c>Authorization: Basic base64(user:secret)</c> against one pair, in constant time.</summary>
internal static class BasicAuth
{
    public static bool Matches(HttpRequest request, string user, string secret)
    {
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        byte[] expected = Encoding.UTF8.GetBytes($"{user}:{secret}");
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
