using System.Diagnostics;
using System.Globalization;
using AutoRespond.Simulators;
using AutoRespond.Simulators.Common;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Bench.Pipeline;

/// <summary>
/// <c>actions BROKER POSTGRES AUTORESPOND_DLL RESPONDERS INCIDENTS ACTIONS</c>: actions per second with RESPONDERS
/// <c>autorespond responder</c> processes (competing consumers, PostgreSQL ledger) against the simulators in this
/// process. After a warm-up (a probe incident applied, then 10 more), a burst of INCIDENTS incidents is
/// published at once; each needs the ladder's ACTIONS (<c>firewall-block</c>, or <c>ticket,firewall-block</c>: two
/// kinds). Throughput = applied actions / (first publish → last apply request's arrival at a simulator).
/// </summary>
internal static class ActionsThroughput
{
    private const int Warmup = 10;

    public static async Task<string> RunAsync(Uri broker, string postgres, string autorespond, int responders, int incidents, string actions)
    {
        var clock = new MonotonicClock();
        await using var sim = await SimulatorHost.StartAsync(0, time: clock);
        string run = $"bench-act-{Environment.ProcessId}-{responders}-{actions.Replace(",", "-", StringComparison.Ordinal)}";
        var work = Directory.CreateTempSubdirectory("autorespond-bench-actions.");
        string storage = $"storage: {{ provider: postgres, connection: \"{postgres};Database={run.Replace('-', '_')}\" }}";
        string bus = $"bus: {{ transport: rabbitmq, uri: \"{broker}\" }}";
        string configFile = Path.Combine(work.FullName, "responder.yaml");
        await File.WriteAllTextAsync(configFile, PipelineSetup.Yaml(sim.BaseUri, actions.Replace(",", ", ", StringComparison.Ordinal), bus + "\n" + storage));
        var processes = new List<Process>();
        try
        {
            for (int p = 0; p < responders; p++)
                processes.Add(StartResponder(autorespond, configFile, run, Path.Combine(work.FullName, $"responder-{p + 1}.log"), sim.Credentials));
            using var publisher = await PublisherBus.StartAsync(broker);
            var bus1 = publisher.Services.GetRequiredService<IBus>();
            // Readiness: the incident queue exists only once a responder's bus is up, and a publish before that is lost,
            // so probe (one incident at a time) until one is applied; then warm up (connected, migrated, JIT warm).
            int next = 0;
            bool ready = false;
            for (int probe = 0; probe < 90 && !ready; probe++)
            {
                var incident = PipelineSetup.Incident(run, next++, clock.GetUtcNow());
                await bus1.Publish(incident);
                ready = await PipelineSetup.WaitForBlockAsync(sim.Journal, incident.Device.Ip, TimeSpan.FromSeconds(2)) is not null;
            }
            for (int i = 0; i < Warmup; i++)
                await bus1.Publish(PipelineSetup.Incident(run, next++, clock.GetUtcNow()));
            if (!ready || !await WaitForAsync(sim.Journal, Warmup + 1, TimeSpan.FromSeconds(120)))
                return $"mode=actions responders={responders} error=warm-up-not-applied logs={work.FullName}";
            await Task.Delay(TimeSpan.FromSeconds(5)); // every process connected, tail of the warm-up done
            sim.Journal.Clear();

            var started = clock.GetUtcNow();
            var publishes = new List<Task>(incidents);
            for (int i = 0; i < incidents; i++)
                publishes.Add(bus1.Publish(PipelineSetup.Incident(run, next++, clock.GetUtcNow())));
            await Task.WhenAll(publishes);
            bool complete = await WaitForAsync(sim.Journal, incidents, TimeSpan.FromMinutes(8));
            var blocks = Blocks(sim.Journal);
            var tickets = sim.Journal.For("servicenow").Where(r => r.Method == "POST").ToList();
            var last = blocks.Select(r => r.Time).Concat(tickets.Select(r => r.Time)).DefaultIfEmpty(started).Max();
            double seconds = (last - started).TotalSeconds;
            int applied = blocks.Count + tickets.Count;
            await publisher.StopAsync();
            if (complete)
                work.Delete(recursive: true); // kept when incomplete: the responders' logs
            return string.Create(CultureInfo.InvariantCulture,
                $"mode=actions responders={responders} kinds={actions} incidents={incidents} complete={complete} blocks={blocks.Count} "
                + $"ticket_posts={tickets.Count} seconds={seconds:0.000} actions_per_s={applied / Math.Max(seconds, 1e-9):0.0} "
                + $"incidents_per_s={blocks.Count / Math.Max(seconds, 1e-9):0.0}");
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
                p.Dispose();
            }
        }
    }

    private static List<RecordedRequest> Blocks(RequestJournal journal) =>
        [.. journal.For("opnsense").Where(r => r.Method == "POST" && r.Path.Contains("/add/", StringComparison.Ordinal))];

    private static async Task<bool> WaitForAsync(RequestJournal journal, int blocks, TimeSpan timeout)
    {
        long start = Stopwatch.GetTimestamp();
        while (Blocks(journal).Count < blocks)
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
                return false;
            await Task.Delay(20);
        }
        return true;
    }

    private static Process StartResponder(string autorespond, string config, string prefix, string log, SimulatorCredentials credentials)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(autorespond);
        info.ArgumentList.Add("responder");
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(config);
        info.Environment["AR_BUS_PREFIX"] = prefix;
        foreach (var (name, value) in credentials.AsEnvironment())
            info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start autorespond responder");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
