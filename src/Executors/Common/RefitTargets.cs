using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace AutoRespond.Executors.Common;

/// <summary>
/// One target's Refit client the way BUILD-NOTES §4 says works in Refit 16: <c>AddRefitGeneratedClient</c> with a
/// source-generated JSON context (plain <c>AddRefitClient</c> throws on first resolve), a named HttpClient per
/// target (so each target has its own circuit breaker) and <see cref="TargetResilience"/>.
/// </summary>
internal static class RefitTargets
{
    public static IHttpClientBuilder AddTargetClient<TApi>(this ExecutorSetup setup, string integration, JsonSerializerContext json,
        Uri url, AuthenticationHeaderValue? authorization, Action<HttpClient>? configure = null)
        where TApi : class =>
        setup.Services.AddRefitGeneratedClient<TApi>(json, _ => null!, "autorespond-" + integration)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = url;
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
                if (authorization is not null)
                    client.DefaultRequestHeaders.Authorization = authorization;
                configure?.Invoke(client);
            })
            .AddTargetResilience(setup.Options);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static TimeProvider Time(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    public static ILogger<T> Logger<T>(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<T>();
}
