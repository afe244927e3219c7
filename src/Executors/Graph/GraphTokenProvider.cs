using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Configuration;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// The bearer token for Graph calls. With <c>access_token_env</c> it is that token as is. With <c>client_secret_env</c>
/// it runs the OAuth 2.0 client-credentials grant against <c>{authority}/{tenant}/oauth2/v2.0/token</c>
/// (form: grant_type, client_id, client_secret, scope <c>https://graph.microsoft.com/.default</c>) and caches the token
/// until shortly before <c>expires_in</c> runs out. Tokens go only to the configured Graph host, and only over https
/// unless that host is a loopback address (the simulators). Errors name the identity platform's error code, never
/// the secret or the token.
/// </summary>
internal sealed class GraphTokenProvider : IAccessTokenProvider
{
    /// <summary>A cached token is renewed this long before it expires.</summary>
    internal static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly GraphConfig _config;
    private readonly string? _staticToken;
    private readonly string? _clientSecret;
    private readonly Func<HttpClient> _tokenClient;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public GraphTokenProvider(GraphConfig config, string secret, Func<HttpClient> tokenClient, TimeProvider time)
    {
        _config = config;
        _tokenClient = tokenClient;
        _time = time;
        if (config.UsesClientSecret)
            _clientSecret = secret;
        else
            _staticToken = secret;
        AllowedHostsValidator = new AllowedHostsValidator([config.Url.Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <summary>The token endpoint of the configured authority and tenant.</summary>
    public Uri TokenEndpoint => new($"{_config.Authority.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(_config.TenantId ?? "")}/oauth2/v2.0/token");

    /// <summary>The scope asked for: the Graph resource's <c>.default</c> (graph.microsoft.com for the simulators).</summary>
    public string Scope => IsLoopback(_config.Url) ? "https://graph.microsoft.com/.default" : $"https://{_config.Url.Host}/.default";

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
            return string.Empty;
        if (uri.Scheme != Uri.UriSchemeHttps && !IsLoopback(uri))
            throw new GraphTokenException($"refusing to send a Graph token over {uri.Scheme} to {uri.Host}; only https (or a loopback simulator) is allowed");
        if (_staticToken is not null)
            return _staticToken;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_cached is { } cached && now < cached.RenewAt)
                return cached.Token;
            var (token, expiresIn) = await RequestAsync(cancellationToken);
            var lifetime = TimeSpan.FromSeconds(Math.Max(0, expiresIn));
            var renewAt = now + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
            _cached = (token, renewAt);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Token, int ExpiresIn)> RequestAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _config.ClientId ?? "",
            ["client_secret"] = _clientSecret ?? "",
            ["scope"] = Scope,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint) { Content = form };
        using var response = await _tokenClient().SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new GraphTokenException(await DescribeRefusalAsync(response, cancellationToken));
        var body = await response.Content.ReadFromJsonAsync(GraphTokenJson.Default.TokenResponse, cancellationToken);
        if (body?.AccessToken is not { Length: > 0 } token)
            throw new GraphTokenException("the token endpoint answered without an access_token");
        return (token, body.ExpiresIn);
    }

    /// <summary>"HTTP 401 invalid_client (AADSTS7000215)": the error and its code, not the description (which may quote input).</summary>
    private static async Task<string> DescribeRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string what = $"the token endpoint refused the client credentials: HTTP {(int)response.StatusCode}";
        try
        {
            var error = await response.Content.ReadFromJsonAsync(GraphTokenJson.Default.TokenError, cancellationToken);
            if (error?.Error is { Length: > 0 } code)
                what += " " + code + (error.ErrorCodes is [var first, ..] ? $" (AADSTS{first})" : "");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // not the identity platform's body: the status says enough
        }
        return what;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>Getting a Graph token failed; the message holds no secret.</summary>
public sealed class GraphTokenException(string message) : Exception(message);

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);

internal sealed record TokenError(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_codes")] IReadOnlyList<int>? ErrorCodes);

[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenError))]
internal sealed partial class GraphTokenJson : JsonSerializerContext;
