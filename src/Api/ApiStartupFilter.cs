using AutoRespond.Api.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Api;

/// <summary>
/// The API's middleware, ahead of routing: unhandled errors and bare status codes become problem details, every
/// request is counted by route template for <c>/metrics</c>, and console responses forbid framing.
/// </summary>
internal sealed class ApiStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var metrics = app.ApplicationServices.GetRequiredService<ApiMetricsRegistry>();
        app.Use(async (context, nextMiddleware) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw
                    ? (raw.Length > 1 ? raw.TrimEnd('/') : raw)
                    : "unmatched";
                metrics.CountRequest(context.Request.Method, route, context.Response.StatusCode);
            }
        });
        next(app);
    };
}
