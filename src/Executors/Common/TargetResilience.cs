using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AutoRespond.Executors.Common;

/// <summary>
/// The one resilience pipeline every target's HttpClient gets (Polly 8 through Microsoft.Extensions.Http.Resilience):
/// a total timeout, retries with exponential backoff and jitter that honour <c>Retry-After</c> (backoff where a 429 has
/// none), a circuit breaker per target, and a timeout per attempt. Only idempotent calls are retried: safe methods,
/// PUT and DELETE, and any request marked with <see cref="MarkIdempotent"/> (a POST whose effect is keyed by the action
/// id, like a FortiOS ban of the same address or a PagerDuty event with the same <c>dedup_key</c>).
/// </summary>
public static class TargetResilience
{
    /// <summary>Request option: this call may be repeated without a second effect.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("autorespond.idempotent");

    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Idempotent, true);
        return request;
    }

    /// <summary>
    /// Adds the pipeline to a target's client. With <paramref name="allCallsIdempotent"/> every call of the client
    /// may be retried (clients whose every call is keyed by the action id).
    /// </summary>
    public static IHttpClientBuilder AddTargetResilience(this IHttpClientBuilder builder, ExecutorOptions options, bool allCallsIdempotent = false)
    {
        builder.AddStandardResilienceHandler(o =>
        {
            o.TotalRequestTimeout.Timeout = options.TotalTimeout;
            o.AttemptTimeout.Timeout = options.AttemptTimeout;
            o.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
            o.Retry.Delay = options.RetryDelay;
            o.Retry.BackoffType = DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            o.Retry.ShouldRetryAfterHeader = true;
            var transient = o.Retry.ShouldHandle;
            o.Retry.ShouldHandle = async args =>
                options.MaxRetries > 0
                && await transient(args)
                && IsIdempotent(args.Context.GetRequestMessage(), allCallsIdempotent)
                && !WaitsTooLong(args.Outcome.Result, options.MaxRetryAfter);
            o.CircuitBreaker.SamplingDuration = options.BreakerSampling;
            o.CircuitBreaker.MinimumThroughput = options.BreakerMinimumThroughput;
            o.CircuitBreaker.FailureRatio = options.BreakerFailureRatio;
            o.CircuitBreaker.BreakDuration = options.BreakerDuration;
        });
        return builder;
    }

    internal static bool IsIdempotent(HttpRequestMessage? request, bool allCallsIdempotent)
    {
        if (allCallsIdempotent)
            return true;
        if (request is null)
            return false;
        if (request.Options.TryGetValue(Idempotent, out var marked) && marked)
            return true;
        var m = request.Method;
        return m == HttpMethod.Get || m == HttpMethod.Head || m == HttpMethod.Options || m == HttpMethod.Put || m == HttpMethod.Delete;
    }

    /// <summary>A <c>Retry-After</c> longer than the cap fails the call now, instead of holding a worker for minutes.</summary>
    internal static bool WaitsTooLong(HttpResponseMessage? response, TimeSpan cap)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            return false;
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta > cap;
        return false;
    }
}
