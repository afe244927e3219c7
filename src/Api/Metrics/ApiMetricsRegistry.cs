using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace AutoRespond.Api.Metrics;

/// <summary>
/// The API's own counters, written in the Prometheus text exposition format (version 0.0.4) by <c>/metrics</c>
/// together with gauges read from storage at scrape time (<see cref="MetricsEndpoint"/>).
/// </summary>
internal sealed class ApiMetricsRegistry
{
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), MetricCounter> _requests = new();

    public MetricCounter AuthFailures { get; } = new();

    public void CountRequest(string method, string route, int status) =>
        _requests.GetOrAdd((method, route, status), _ => new MetricCounter()).Increment();

    public void WriteCounters(StringBuilder text)
    {
        text.Append("# HELP autorespond_http_requests_total HTTP requests served by the API, by route template and status.\n");
        text.Append("# TYPE autorespond_http_requests_total counter\n");
        foreach (var ((method, route, status), counter) in _requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal)
                     .ThenBy(r => r.Key.Method, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"autorespond_http_requests_total{{method=\"{Escape(method)}\",route=\"{Escape(route)}\",status=\"{status}\"}} {counter.Value}\n");
        }
        text.Append("# HELP autorespond_api_auth_failures_total Requests that presented an invalid API key.\n");
        text.Append("# TYPE autorespond_api_auth_failures_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"autorespond_api_auth_failures_total {AuthFailures.Value}\n");
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
