using AutoRespond.Executors.Common;
using Microsoft.Graph.Models.ODataErrors;
using KiotaApiException = Microsoft.Kiota.Abstractions.ApiException;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// One-line details for what a Graph call threw: the OData error's status, code and message (Graph never echoes the
/// bearer token), a token endpoint refusal, or the shared transport outcomes (circuit open, timeout, unreachable).
/// </summary>
internal static class GraphFailure
{
    public static bool IsTargetFailure(Exception e, CancellationToken ct) =>
        e is KiotaApiException or GraphTokenException || TargetFailure.IsTargetFailure(e, ct)
        || (e is AggregateException { InnerException: { } inner } && IsTargetFailure(inner, ct));

    public static string Describe(string operation, Exception e)
    {
        if (e is AggregateException { InnerException: { } inner })
            return Describe(operation, inner);
        if (e is ODataError odata)
            return $"graph {operation} failed: HTTP {odata.ResponseStatusCode} {odata.Error?.Code}: {Trim(odata.Error?.Message)}{Exhausted(odata.ResponseStatusCode)}";
        if (e is KiotaApiException api)
            return $"graph {operation} failed: HTTP {api.ResponseStatusCode}{Exhausted(api.ResponseStatusCode)}";
        if (e is GraphTokenException token)
            return $"graph {operation} failed: {token.Message}";
        return TargetFailure.Describe("graph", operation, e);
    }

    /// <summary>True when Graph answered 404 (a user, message or folder that does not exist).</summary>
    public static bool IsNotFound(Exception e) => e is KiotaApiException { ResponseStatusCode: 404 };

    private static string Exhausted(int status) =>
        status is 429 or 503 or 504 ? " (still throttled or unavailable after the retries; Retry-After honoured, backoff where it had none)" : "";

    private static string Trim(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
