using AutoRespond.Contracts;
using AutoRespond.Simulators;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// <c>latency-bus BROKER</c>: an IncidentScored published on RabbitMQ → the responder wiring (<see cref="ResponderHost"/>)
/// → per-kind action queue → OPNsense executor → simulator. One incident at a time; latency = before Publish →
/// the simulator's arrival time of the apply request, both on one <see cref="MonotonicClock"/> in this process.
/// </summary>
internal static class LatencyBus
{
    public static async Task<string> RunAsync(Uri broker, int incidents, int warmup)
    {
        var clock = new MonotonicClock();
        await using var sim = await SimulatorHost.StartAsync(0, time: clock);
        var config = PipelineSetup.Config(sim.BaseUri, "firewall-block");
        string prefix = "bench-lat-" + Environment.ProcessId;
        using var host = await ResponderHost.StartAsync(config, broker, prefix, sim.Credentials.AsEnvironment(), [ActionKinds.FirewallBlock]);
        try
        {
            var publish = host.Services.GetRequiredService<IBus>();
            var samples = new List<double>(incidents);
            int missed = 0;
            for (int i = 0; i < warmup + incidents; i++)
            {
                var incident = PipelineSetup.Incident(prefix, i, clock.GetUtcNow());
                var published = clock.GetUtcNow();
                await publish.Publish(incident);
                var applied = await PipelineSetup.WaitForBlockAsync(sim.Journal, incident.Device.Ip, TimeSpan.FromSeconds(10));
                sim.Journal.Clear();
                if (i < warmup)
                    continue;
                if (applied is null)
                    missed++;
                else
                    samples.Add((applied.Time - published).TotalMilliseconds);
            }
            return LatencyStats.Line("latency-bus", samples, missed, $" warmup={warmup} transport=rabbitmq");
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
