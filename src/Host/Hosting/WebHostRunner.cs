using AutoRespond.Configuration;
using AutoRespond.Executors;
using AutoRespond.Host.Cli;
using AutoRespond.Sensor.Capture;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Hosting;

/// <summary>Runs a web host from the command line until Ctrl+C: prints where it listens, exits 0 on a clean stop.</summary>
internal static class WebHostRunner
{
    public static async Task<int> RunAsync(AutoRespondConfig config, HostMode mode, WebHostOptions options, CliConsole console,
        CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = await AutoRespondWebHost.BuildAsync(config, mode, options, cancellationToken);
        }
        catch (ExecutorConfigurationException e)
        {
            // An integration's secret variable unset…: a configuration error, named without the secret.
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (CaptureException e)
        {
            console.Fail($"cannot capture live: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.Fail($"cannot start: {e.GetBaseException().Message}");
            return ExitCodes.Failure;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                console.Fail($"cannot listen on {options.Listen ?? config.Api.Listen}: {e.GetBaseException().Message}");
                return ExitCodes.Failure;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) console.Error.WriteLine($"autorespond: listening on {address} (console: {address}/console/)");
            // Ctrl+C cancels the token; SIGTERM (systemd, docker stop, kill) stops the host through its console lifetime.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // stop serving
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.StopAsync(stop.Token);
        }
        return ExitCodes.Ok;
    }
}
