using AutoRespond.Executors;
using AutoRespond.Executors.Common;
using AutoRespond.Responders;
using AutoRespond.Responders.Engine;
using AutoRespond.Simulators;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// <c>latency-inprocess</c>: a ResponseEngine (autonomous, ladder [firewall-block]) with the real OPNsense executor
/// against a SimulatorHost on 127.0.0.1, as <c>autorespond run</c> wires them. N distinct incidents, one at a time;
/// latency = engine call → the simulator's arrival time of the <c>alias_util/add</c> request (both on one
/// <see cref="MonotonicClock"/>).
/// </summary>
internal static class LatencyInProcess
{
    public static async Task<string> RunAsync(int incidents, int warmup)
    {
        var clock = new MonotonicClock();
        await using var sim = await SimulatorHost.StartAsync(0, time: clock);
        var config = PipelineSetup.Config(sim.BaseUri, "firewall-block");
        var services = new ServiceCollection();
        services.AddExecutors(config.Integrations, new DictionarySecretSource(sim.Credentials.AsEnvironment()));
        services.AddResponseEngine(config);
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ResponseEngine>();

        var samples = new List<double>(incidents);
        int missed = 0;
        for (int i = 0; i < warmup + incidents; i++)
        {
            var incident = PipelineSetup.Incident("inproc", i, clock.GetUtcNow());
            var published = clock.GetUtcNow();
            await engine.HandleAsync(incident, CancellationToken.None);
            var applied = await PipelineSetup.WaitForBlockAsync(sim.Journal, incident.Device.Ip, TimeSpan.FromSeconds(5));
            sim.Journal.Clear();
            if (i < warmup)
                continue;
            if (applied is null)
                missed++;
            else
                samples.Add((applied.Time - published).TotalMilliseconds);
        }
        return LatencyStats.Line("latency-inprocess", samples, missed, $" warmup={warmup}");
    }
}
