using System.Text;
using AutoRespond.Simulators.Common;
using static AutoRespond.Executors.Tests.Tickets.TicketHarness;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class TicketSecretLoggingTests
{
    private static readonly string[] Vendors = ["servicenow", "jira", "pagerduty", SignedHook, PlainHook];

    [Fact]
    public async Task Executors_LifecycleThrottlingAndRefusals_NoSecretInAnyLogLineOrDetail()
    {
        var credentials = new SimulatorCredentials();
        var details = new List<string>();
        var logs = new List<string>();
        var ct = TestContext.Current.CancellationToken;

        await using (var h = await StartAsync())
        {
            foreach (var name in Vendors)
            {
                details.Add((await h.Executor(name).ApplyAsync(Action(Incident(1)), ct)).Detail);
                details.Add((await h.Executor(name).ApplyAsync(Action(Incident(2)), ct)).Detail);
                details.Add((await h.Executor(name).RevertAsync(Resolve(), ct)).Detail);
            }
            foreach (var vendor in new[] { "servicenow", "jira", "pagerduty", "webhook" })
                h.Host.Faults.Inject(vendor, new InjectedFault(429), times: 30);
            foreach (var name in Vendors)
                details.Add((await h.Executor(name).ApplyAsync(Action(Incident(1, id: "inc-t2"), "act-t2"), ct)).Detail);
            logs.AddRange(h.Logs.Lines);
        }
        var wrong = new Dictionary<string, string>(credentials.AsEnvironment())
        {
            ["SN_PASS"] = "wrong-sn-password-1",
            ["JIRA_TOKEN"] = "wrong-jira-token-1",
            ["PD_KEY"] = "wrongpagerdutyroutingkey00000001",
        };
        await using (var h = await StartAsync(wrong))
        {
            foreach (var name in Vendors)
                details.Add((await h.Executor(name).ApplyAsync(Action(Incident()), ct)).Detail);
            logs.AddRange(h.Logs.Lines);
        }

        details.ShouldContain(d => d.Contains("429", StringComparison.Ordinal));
        details.ShouldContain(d => d.Contains("401", StringComparison.Ordinal));
        logs.ShouldContain(l => l.Contains("inc-t1", StringComparison.Ordinal));
        string[] secrets =
        [
            credentials.ServiceNowPassword, credentials.JiraToken, credentials.PagerDutyRoutingKey, credentials.WebhookSecret,
            credentials.WebhookSecret["whsec_".Length..],
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ServiceNowUser}:{credentials.ServiceNowPassword}")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.JiraEmail}:{credentials.JiraToken}")),
            "wrong-sn-password-1", "wrong-jira-token-1", "wrongpagerdutyroutingkey00000001",
        ];
        foreach (var secret in secrets)
        {
            logs.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal), $"a log line holds a secret ({secret.Length} chars)");
            details.ShouldNotContain(d => d.Contains(secret, StringComparison.Ordinal), $"a detail holds a secret ({secret.Length} chars)");
        }
    }
}
