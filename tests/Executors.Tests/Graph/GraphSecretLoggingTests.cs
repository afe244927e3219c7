using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Simulators.Common;
using static AutoRespond.Executors.Tests.Graph.GraphHarness;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class GraphSecretLoggingTests
{
    [Fact]
    public async Task Executors_SuccessThrottlingAndRefusals_NoSecretOrTokenInAnyLogLineOrDetail()
    {
        var details = new List<string>();
        var logs = new List<string>();
        var secrets = new List<string>();

        await using (var h = await StartAsync(clientSecret: true))
        {
            await h.AddMessageAsync("Invoice", "see https://203.0.113.50/", T0.AddHours(-2));
            foreach (var kind in new[] { ActionKinds.RevokeSessions, ActionKinds.DisableUser, ActionKinds.QuarantineEmail })
                details.Add((await h.Executor<IActionExecutor>(kind).ApplyAsync(Action(kind), TestContext.Current.CancellationToken)).Detail);
            details.Add((await h.Executor<IRevertibleActionExecutor>(ActionKinds.DisableUser)
                .RevertAsync(Revert(ActionKinds.DisableUser), TestContext.Current.CancellationToken)).Detail);
            h.Host.Faults.Inject("graph", new InjectedFault(429), times: 50);
            details.Add((await h.Executor<IActionExecutor>(ActionKinds.DisableUser)
                .ApplyAsync(Action(ActionKinds.DisableUser, actionId: "act-g2"), TestContext.Current.CancellationToken)).Detail);
            secrets.Add(h.Host.Credentials.GraphClientSecret);
            secrets.AddRange(h.Requests.Select(r => r.Header("Authorization")).OfType<string>().Select(a => a["Bearer ".Length..]).Distinct());
            logs.AddRange(h.Logs.Lines);
        }
        await using (var h = await StartAsync(clientSecret: false))
        {
            details.Add((await h.Executor<IActionExecutor>(ActionKinds.RevokeSessions)
                .ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken)).Detail);
            secrets.Add(h.Host.Credentials.GraphAccessToken);
            logs.AddRange(h.Logs.Lines);
        }
        var wrong = new Dictionary<string, string> { ["GRAPH_SECRET"] = "wrong-graph-secret-value" };
        await using (var h = await StartAsync(clientSecret: true, secrets: wrong))
        {
            details.Add((await h.Executor<IActionExecutor>(ActionKinds.RevokeSessions)
                .ApplyAsync(Action(ActionKinds.RevokeSessions), TestContext.Current.CancellationToken)).Detail);
            secrets.Add("wrong-graph-secret-value");
            logs.AddRange(h.Logs.Lines);
        }

        logs.ShouldNotBeEmpty();
        logs.ShouldContain(l => l.Contains("act-g1", StringComparison.Ordinal));
        details.ShouldContain(d => d.Contains("429", StringComparison.Ordinal));
        details.ShouldContain(d => d.Contains("invalid_client", StringComparison.Ordinal));
        secrets.Count.ShouldBeGreaterThan(3);
        foreach (var secret in secrets)
        {
            logs.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal), $"a log line holds a secret ({secret.Length} chars)");
            details.ShouldNotContain(d => d.Contains(secret, StringComparison.Ordinal), $"a detail holds a secret ({secret.Length} chars)");
        }
    }
}
