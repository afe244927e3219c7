using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AutoRespond.Simulators.Firewalls;

/// <summary>Small request helpers the firewall and switch simulators share: auth checks, JSON bodies, raw answers.</summary>
internal static class VendorHttp
{
    /// <summary>True when the request carries HTTP Basic with exactly <paramref name="user"/>:<paramref name="password"/>.</summary>
    public static bool HasBasic(HttpRequest request, string user, string password)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        return SameText(decoded, $"{user}:{password}");
    }

    /// <summary>True when the request carries <c>Authorization: Bearer <paramref name="token"/></c>.</summary>
    public static bool HasBearer(HttpRequest request, string token)
    {
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SameText(header["Bearer ".Length..].Trim(), token);
    }

    /// <summary>Constant-time comparison, as a device would do it.</summary>
    public static bool SameText(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>The body as JSON; null when it is empty or not JSON.</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    public static IResult Json(int status, JsonNode body, string contentType) => Results.Text(body.ToJsonString(), contentType, Encoding.UTF8, status);

    public static IResult Xml(int status, string body) => Results.Text(body, "application/xml", Encoding.UTF8, status);

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static long? Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out long n) ? n
        : node is JsonValue s && s.TryGetValue(out string? text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out long parsed) ? parsed
        : null;
}
