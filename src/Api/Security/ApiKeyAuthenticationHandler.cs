using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AutoRespond.Api.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AutoRespond.Api.Security;

/// <summary>
/// <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c> (CONTRACT.md §2). No key: anonymous (401 on protected
/// routes). A wrong key is counted against the remote address (<see cref="AuthFailureLimiter"/>); a limited address
/// gets 429 with <c>Retry-After</c>. Errors are RFC 9457 problem details; the key never appears in them or in logs.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing keys,
    AuthFailureLimiter limiter,
    ApiMetricsRegistry metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    private const string RetryAfterItem = "autorespond.retry-after";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented) return Task.FromResult(AuthenticateResult.NoResult());
        string address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.RetryAfter(address) is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
            return Task.FromResult(AuthenticateResult.Fail("too many failed attempts"));
        }

        if (keys.Find(presented) is not { } key)
        {
            limiter.RecordFailure(address);
            metrics.AuthFailures.Increment();
            LogRejected(Logger, address);
            return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
        }

        Claim[] claims = [new(ClaimTypes.Name, key.Name), new(ClaimTypes.Role, ApiRoles.NameOf(key.Role))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.TryGetValue(RetryAfterItem, out var value) && value is TimeSpan wait)
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed attempts",
                detail: $"Too many invalid API keys from this address; try again in {seconds} s.").ExecuteAsync(Context);
            return;
        }

        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Send a valid API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "This key's role does not allow this route.").ExecuteAsync(Context);

    internal static string? Presented(HttpRequest request)
    {
        if (request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } header) return header.Trim();
        string authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Invalid API key presented from {Address}")]
    private static partial void LogRejected(ILogger logger, string address);
}
