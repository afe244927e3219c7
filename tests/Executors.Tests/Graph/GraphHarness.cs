using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Simulators;
using AutoRespond.Simulators.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tests.Graph;

/// <summary>A simulator host on a free loopback port and the executors configured against it, with every log line captured.</summary>
internal sealed class GraphHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public const string Alice = "alice@contoso.com";

    public const string Device = "10.10.0.66";

    private readonly Func<ServiceProvider> _newProcess;
    private readonly List<ServiceProvider> _processes = [];

    private GraphHarness(SimulatorHost host, Func<ServiceProvider> newProcess, LogCapture logs)
    {
        Host = host;
        _newProcess = newProcess;
        Services = newProcess();
        Logs = logs;
        Control = new HttpClient { BaseAddress = host.BaseUri };
    }

    public SimulatorHost Host { get; }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    public HttpClient Control { get; }

    public IReadOnlyList<RecordedRequest> Requests => Host.Journal.For("graph");

    /// <summary>Requests to the Graph API (not the token endpoint).</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Requests.Where(r => r.Path.StartsWith("/v1.0/", StringComparison.Ordinal))];

    public static async Task<GraphHarness> StartAsync(bool clientSecret = false, SimulatorCredentials? credentials = null,
        ExecutorOptions? options = null, IReadOnlyDictionary<string, string>? secrets = null)
    {
        var host = await SimulatorHost.StartAsync(credentials: credentials, cancellationToken: TestContext.Current.CancellationToken);
        var logs = new LogCapture();
        var config = new GraphConfig(host.UrlFor("v1.0"),
            clientSecret ? host.Credentials.GraphTenantId : null, clientSecret ? host.Credentials.GraphClientId : null,
            clientSecret ? "GRAPH_SECRET" : null, host.BaseUri, clientSecret ? null : "GRAPH_TOKEN");
        var integrations = new IntegrationsConfig
        {
            Graph = config,
            Users = new Dictionary<IPAddress, string> { [IPAddress.Parse(Device)] = Alice }.AsReadOnly(),
        };
        return new GraphHarness(host, () =>
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddExecutors(integrations, new DictionarySecretSource(secrets ?? host.Credentials.AsEnvironment()), options ?? ExecutorOptions.Fast);
            return services.BuildServiceProvider();
        }, logs);
    }

    public T Executor<T>(string kind) where T : class => Executor<T>(Services, kind);

    /// <summary>The executor of <paramref name="kind"/> in another responder process (or this one restarted): nothing in memory shared.</summary>
    public T ExecutorOfNewProcess<T>(string kind) where T : class
    {
        var process = _newProcess();
        _processes.Add(process);
        return Executor<T>(process, kind);
    }

    private static T Executor<T>(IServiceProvider services, string kind) where T : class =>
        services.GetServices<IActionExecutor>().Single(e => e.Kind == kind && e.Name == "graph") as T
        ?? throw new InvalidOperationException($"the graph {kind} executor is not a {typeof(T).Name}");

    public async Task<JsonObject> UserAsync(string upn = Alice) =>
        (JsonNode.Parse(await Control.GetStringAsync($"_sim/graph/users/{upn}", TestContext.Current.CancellationToken)) as JsonObject)!;

    public async Task<string> AddMessageAsync(string subject, string body, DateTimeOffset received, string upn = Alice, string folder = "inbox")
    {
        using var response = await Control.PostAsJsonAsync($"_sim/graph/users/{upn}/messages",
            new { subject, body, from = "it-support@external.example", receivedDateTime = received, folder }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return created!["id"]!.GetValue<string>();
    }

    public void ClearJournal() => Host.Journal.Clear();

    /// <summary>An incident whose breaches name rare external endpoints: 203.0.113.50 (no SNI) and a self-signed update-check.example.net at 198.51.100.23.</summary>
    public static IncidentScored Incident(string id = "inc-g1", int revision = 1) =>
        new(id, revision, T0, new DeviceRef(Device, Hostname: "ws-66", Zone: "Computing"), T0.AddMinutes(-30), T0, 0.97, "ics-sabotage",
            [ModelIds.SslNoSniNewExternal, ModelIds.RareExternalSelfSigned], ["T0869"], "workstation beaconing to rare external hosts",
            [
                new Breach("b-1", ModelIds.SslNoSniNewExternal, T0.AddMinutes(-30), new DeviceRef(Device), 0.91, "TLS without SNI to 203.0.113.50",
                    new Dictionary<string, object> { ["server"] = "203.0.113.50", ["server_port"] = 443, ["ja3"] = "abc" }, ["203.0.113.50"]),
                new Breach("b-2", ModelIds.RareExternalSelfSigned, T0.AddMinutes(-20), new DeviceRef(Device), 0.93, "self-signed certificate",
                    new Dictionary<string, object> { ["server"] = "198.51.100.23", ["subject"] = "CN=update-check.example.net, O=x", ["self_signed"] = true },
                    ["198.51.100.23"]),
            ]);

    public static PlannedAction Action(string kind, string? user = Alice, string actionId = "act-g1", IncidentScored? incident = null) =>
        new(actionId, incident ?? Incident(), kind, Device, 2, 0.95, TimeSpan.FromHours(1), T0, user);

    public static RevertAction Revert(string kind, string actionId = "act-g1", string? undoState = null) =>
        new(new ActionHeader(actionId, "inc-g1", kind, Device, T0, T0.AddHours(1), "expired", 1), "expired", undoState);

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        foreach (var process in _processes)
            await process.DisposeAsync();
        await Services.DisposeAsync();
        await Host.DisposeAsync();
    }
}
