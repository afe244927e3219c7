using System.Net.Http.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Simulators;
using AutoRespond.Simulators.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Executors.Tests.Firewalls;

/// <summary>
/// One simulator host on 127.0.0.1:0 and the executors of the given integrations registered against it exactly as
/// the service does (<c>AddExecutors</c>, secrets from <see cref="SimulatorCredentials.AsEnvironment"/>), with every
/// log line captured at Trace level. The simulators run on a fake clock (<see cref="Time"/>, started at the real
/// time) so tests can move them past an expiry; the executors and their resilience pipelines keep the real clock
/// (a fake <see cref="TimeProvider"/> in the container would also stop Polly's delays and timeouts).
/// </summary>
internal sealed class NetworkHarness : IAsyncDisposable
{
    private NetworkHarness(SimulatorHost sim, ServiceProvider services, LogCapture logs, FakeTimeProvider time, SimulatorCredentials executorCredentials)
    {
        Sim = sim;
        Services = services;
        Logs = logs;
        Time = time;
        ExecutorCredentials = executorCredentials;
    }

    public SimulatorHost Sim { get; }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The credentials the executors were given (they differ from the simulator's in auth tests).</summary>
    public SimulatorCredentials ExecutorCredentials { get; }

    /// <param name="integrations">The config for the simulator's base URL.</param>
    /// <param name="executorCredentials">What the executors get; the simulator's own credentials when null.</param>
    public static async Task<NetworkHarness> StartAsync(Func<Uri, IntegrationsConfig> integrations, ExecutorOptions? options = null,
        SimulatorCredentials? executorCredentials = null)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var logs = new LogCapture();
        var sim = await SimulatorHost.StartAsync(0, new SimulatorCredentials(), time);
        time.SetUtcNow(TimeProvider.System.GetUtcNow()); // the host took a moment to start: the device clocks are "now"
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var credentials = executorCredentials ?? sim.Credentials;
        services.AddExecutors(integrations(sim.BaseUri), new DictionarySecretSource(credentials.AsEnvironment()), options ?? ExecutorOptions.Fast);
        return new NetworkHarness(sim, services.BuildServiceProvider(), logs, time, credentials);
    }

    public IActionExecutor Executor(string name) => Services.GetServices<IActionExecutor>().Single(e => e.Name == name);

    public IRevertibleActionExecutor Revertible(string name) => (IRevertibleActionExecutor)Executor(name);

    public IVerifiableActionExecutor Verifiable(string name) => (IVerifiableActionExecutor)Executor(name);

    /// <summary>An action requested now (the executors' clock) for <paramref name="duration"/>.</summary>
    public static PlannedAction Action(string actionId, string kind, string target, TimeSpan? duration)
    {
        var now = TimeProvider.System.GetUtcNow();
        var incident = new IncidentScored("inc-net-1", 1, now, new DeviceRef(target), now, now, 0.97, "ics-sabotage",
            [ModelIds.NewDeviceUnusualActivity], ["T0846"], "test incident", []);
        return new PlannedAction(actionId, incident, kind, target, 2, 0.95, duration, now);
    }

    public static RevertAction Revert(PlannedAction action, string reason = "released") =>
        new(new ActionHeader(action.ActionId, action.Incident.Id, action.Kind, action.Target, action.Time, action.Expires, "test", 1), reason);

    /// <summary>The vendor's requests, in order, without the read-backs (GETs) unless asked for.</summary>
    public IReadOnlyList<RecordedRequest> Requests(string vendor) => Sim.Journal.For(vendor);

    /// <summary>GET one of the simulators' untagged inspection routes (<c>/_sim/…</c>).</summary>
    public async Task<string[]> StateAsync(string relative)
    {
        using var http = new HttpClient { BaseAddress = Sim.BaseUri };
        return await http.GetFromJsonAsync<string[]>(relative, TestContext.Current.CancellationToken) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
