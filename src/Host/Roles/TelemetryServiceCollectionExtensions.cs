using AutoRespond.Contracts;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AutoRespond.Host.Roles;

/// <summary>
/// OpenTelemetry for a role: traces from AutoRespond's own spans, MassTransit's send/consume spans (which carry the
/// context across the bus) and outgoing HTTP calls to the targets; metrics from the same sources. Exported over OTLP
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables apply: headers, protocol), else not exported.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string MassTransitSource = "MassTransit";

    public static IServiceCollection AddAutoRespondTelemetry(this IServiceCollection services, string role)
    {
        bool export = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 };
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("autorespond-" + role, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(t =>
            {
                t.AddSource(AutoRespondTelemetry.Name, MassTransitSource).AddHttpClientInstrumentation();
                if (export) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(AutoRespondTelemetry.Name, MassTransitSource).AddHttpClientInstrumentation();
                if (export) m.AddOtlpExporter();
            });
        return services;
    }
}
