using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Bench.Pipeline;

/// <summary>A bus with no consumers, on RabbitMQ: the bench's stand-in for the brain publishing IncidentScored.</summary>
internal static class PublisherBus
{
    public static async Task<IHost> StartAsync(Uri broker)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddAutoRespondBus(new BusSettings(BusTransport.RabbitMq, broker) { EndpointPrefix = "bench-publisher" }, _ => { });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
