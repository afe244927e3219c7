using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>A Generic Host with only the bus and an <see cref="IncidentRecorder"/>: the path a responder process runs.</summary>
internal sealed class BusTestHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly IHost _host;

    private BusTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public IncidentRecorder Recorder => _host.Services.GetRequiredService<IncidentRecorder>();

    /// <summary>The queue MassTransit derives for <typeparamref name="TConsumer"/> (the same formatter the bus used).</summary>
    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        _host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<TConsumer>();

    /// <summary>Builds and starts the host. Fails (never skips) when the bus does not start in 30 s.</summary>
    public static async Task<BusTestHost> StartAsync(
        BusSettings settings, IncidentRecorder recorder, Action<IBusRegistrationConfigurator> configure, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddAutoRespondBus(settings, configure);
        var host = new BusTestHost(builder.Build());

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(StartTimeout);
        try
        {
            await host._host.StartAsync(cts.Token);
            return host;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The bus did not start within {StartTimeout.TotalSeconds} s ({settings}). Is the broker running?");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(StopTimeout);
        try
        {
            await _host.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // A bus that never connected may not stop cleanly; the test outcome is already decided.
        }

        _host.Dispose();
    }
}
