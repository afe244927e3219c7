using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tests.Graph;
using AutoRespond.Executors.Tickets;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Executors.Tickets.Webhooks;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using AutoRespond.Simulators;
using AutoRespond.Simulators.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tests.Tickets;

/// <summary>The simulators and every ticketing integration configured against them (ServiceNow, Jira SEC, PagerDuty, two webhooks).</summary>
internal sealed class TicketHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public const string SignedHook = "webhooks[0]";

    public const string PlainHook = "webhooks[1]";

    private TicketHarness(SimulatorHost host, ServiceProvider services, LogCapture logs, TestActions actions)
    {
        Host = host;
        Services = services;
        Logs = logs;
        Actions = actions;
        Control = new HttpClient { BaseAddress = host.BaseUri };
    }

    public SimulatorHost Host { get; }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    /// <summary>What the ticket executors see as the incident's actions.</summary>
    public TestActions Actions { get; }

    public HttpClient Control { get; }

    public static async Task<TicketHarness> StartAsync(IReadOnlyDictionary<string, string>? secrets = null,
        WebhookPayloadFormat format = WebhookPayloadFormat.Standard, SimulatorCredentials? credentials = null)
    {
        var host = await SimulatorHost.StartAsync(credentials: credentials, cancellationToken: TestContext.Current.CancellationToken);
        var logs = new LogCapture();
        var actions = new TestActions();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<ITicketActionSource>(actions);
        var integrations = new IntegrationsConfig
        {
            ServiceNow = new ServiceNowConfig(host.BaseUri, "SN_USER", "SN_PASS"),
            Jira = new JiraConfig(host.BaseUri, "JIRA_USER", "JIRA_TOKEN", "SEC"),
            PagerDuty = new PagerDutyConfig(host.BaseUri, "PD_KEY"),
            Webhooks = [new WebhookConfig(host.UrlFor("hooks/soar"), "HOOK_SECRET"), new WebhookConfig(host.UrlFor("hooks/plain"), null)],
        };
        var setup = new ExecutorSetup(services, new DictionarySecretSource(secrets ?? host.Credentials.AsEnvironment()), ExecutorOptions.Fast);
        services.AddHttpClient();
        TicketRegistration.Register(setup, integrations, format);
        if (setup.Problems.Count > 0)
            throw new ExecutorConfigurationException(setup.Problems);
        return new TicketHarness(host, services.BuildServiceProvider(), logs, actions);
    }

    public IRevertibleActionExecutor Executor(string name) =>
        (IRevertibleActionExecutor)Services.GetServices<IActionExecutor>().Single(e => e.Name == name);

    public IReadOnlyList<RecordedRequest> Requests(string vendor) => Host.Journal.For(vendor);

    public async Task<JsonNode> StateAsync(string path) =>
        JsonNode.Parse(await Control.GetStringAsync(path, TestContext.Current.CancellationToken))!;

    public Task<HttpResponseMessage> PostAsync(string path, object body) =>
        Control.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    /// <summary>Revision 1: one breach. Later revisions add breaches and raise the score.</summary>
    public static IncidentScored Incident(int revision = 1, string id = "inc-t1")
    {
        var breaches = new List<Breach>
        {
            new("b-1", ModelIds.SslNoSniNewExternal, T0.AddMinutes(-30), new DeviceRef("10.10.0.66"), 0.91, "TLS without SNI to 203.0.113.50",
                new Dictionary<string, object> { ["server"] = "203.0.113.50", ["server_port"] = 443 }, ["203.0.113.50"]),
        };
        for (int r = 2; r <= revision; r++)
        {
            breaches.Add(new Breach($"b-{r}", ModelIds.NewIcsDiscoverCommands, T0.AddMinutes(-30 + r), new DeviceRef("10.10.0.66"), 0.9,
                $"new S7 SZL reads #{r}", new Dictionary<string, object> { ["function"] = "SZL read", ["count"] = r, ["peers"] = new[] { "10.20.0.21" } },
                ["10.20.0.21"]));
        }
        return new IncidentScored(id, revision, T0.AddMinutes(revision), new DeviceRef("10.10.0.66", "02:00:00:00:00:66", "ws-66", "Computing"),
            T0.AddMinutes(-30), T0.AddMinutes(revision), Math.Min(0.99, 0.8 + 0.05 * revision), "ics-sabotage",
            [.. breaches.Select(b => b.Model).Distinct()], ["T0869", "T0888"], $"workstation ws-66 beaconing and probing PLCs (revision {revision})", breaches);
    }

    public static PlannedAction Action(IncidentScored incident, string actionId = "act-t1") =>
        new(actionId, incident, ActionKinds.Ticket, incident.Device.Ip, 0, 0.6, null, incident.Time);

    public static RevertAction Resolve(string incidentId = "inc-t1", string actionId = "act-t1") =>
        new(new ActionHeader(actionId, incidentId, ActionKinds.Ticket, "10.10.0.66", T0, null, "incident closed", 1), "incident closed");

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await Services.DisposeAsync();
        await Host.DisposeAsync();
    }
}

/// <summary>A settable list of the incident's actions.</summary>
internal sealed class TestActions : ITicketActionSource
{
    public List<TicketActionLine> Lines { get; } = [];

    public ValueTask<IReadOnlyList<TicketActionLine>> ForIncidentAsync(IncidentScored incident, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TicketActionLine>>([.. Lines]);
}
