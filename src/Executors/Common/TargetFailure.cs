using System.Net.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace AutoRespond.Executors.Common;

/// <summary>
/// Turns what a call to a target threw into a one-line detail for <c>DispatchOutcome</c> and the logs. It names the
/// integration, the HTTP status and the vendor's own error text (which a vendor never fills with the caller's
/// credentials), never a header, a URL with credentials or a request body.
/// </summary>
public static class TargetFailure
{
    /// <summary>True for what a target call may throw; false for bugs (which must not be hidden as outcomes).</summary>
    public static bool IsTargetFailure(Exception e, CancellationToken ct) =>
        e is ApiException or ApiRequestException or HttpRequestException or BrokenCircuitException or TimeoutRejectedException
            or TargetAnswerException
        || Find<BrokenCircuitException>(e) is not null
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    /// <param name="vendorMessage">Reads the vendor's error text out of an error body (null when there is none).</param>
    public static string Describe(string integration, string operation, Exception e, Func<string, string?>? vendorMessage = null)
    {
        if (Find<BrokenCircuitException>(e) is not null)
            return $"{integration} {operation} failed: circuit open after repeated failures of {integration}; the call was not sent";
        if (Find<TimeoutRejectedException>(e) is not null || e is OperationCanceledException)
            return $"{integration} {operation} failed: timed out";
        if (e is ApiException api)
        {
            string? text = api.Content is { Length: > 0 } body && vendorMessage is not null ? Safe(() => vendorMessage(body)) : null;
            return $"{integration} {operation} failed: HTTP {(int)api.StatusCode} {api.ReasonPhrase}"
                + (string.IsNullOrWhiteSpace(text) ? "" : $": {Trim(text)}");
        }
        if (e is TargetAnswerException answer)
            return $"{integration} {operation} failed: {answer.Message}";
        if (Find<HttpRequestException>(e) is { } http)
            return $"{integration} {operation} failed: cannot reach {integration}"
                + (http.StatusCode is { } status ? $" (HTTP {(int)status})" : $" ({http.HttpRequestError})");
        return $"{integration} {operation} failed: {e.GetType().Name}";
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
                return found;
        }
        return null;
    }

    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Trim(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
