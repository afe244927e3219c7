using AutoRespond.Api.Actions;
using AutoRespond.Api.AiUsage;
using AutoRespond.Api.Changes;
using AutoRespond.Api.Console;
using AutoRespond.Api.Devices;
using AutoRespond.Api.Events;
using AutoRespond.Api.Health;
using AutoRespond.Api.Incidents;
using AutoRespond.Api.Metrics;
using AutoRespond.Api.Policies;
using AutoRespond.Api.Windows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AutoRespond.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps every route of CONTRACT.md §5 under <c>/api/v1</c>, health, metrics, <c>/openapi/v1.json</c> and the console.</summary>
    public static IEndpointRouteBuilder MapAutoRespondApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1");
        IncidentEndpoints.Map(api);
        ActionEndpoints.Map(api);
        WindowEndpoints.Map(api);
        PolicyEndpoints.Map(api);
        DeviceEndpoints.Map(api);
        ServiceNowEndpoints.Map(api);
        EventEndpoints.Map(api);
        AiUsageEndpoints.Map(api);
        HealthEndpoints.Map(app);
        MetricsEndpoint.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        ConsoleEndpoints.Map(app);
        return app;
    }
}
