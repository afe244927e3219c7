using AutoRespond.Configuration;
using AutoRespond.Executors.Common;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Simulators.Common;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class TicketRegistrationTests
{
    private static readonly Uri Url = new("http://127.0.0.1:9/");

    private static IntegrationsConfig Everything() => new()
    {
        Graph = new GraphConfig(new Uri("http://127.0.0.1:9/v1.0"), "t", "c", "GRAPH_SECRET", Url, null),
        ServiceNow = new ServiceNowConfig(Url, "SN_USER", "SN_PASS"),
        Jira = new JiraConfig(Url, "JIRA_USER", "JIRA_TOKEN", "SEC"),
        PagerDuty = new PagerDutyConfig(Url, "PD_KEY"),
        Webhooks = [new WebhookConfig(new Uri(Url, "hooks/a"), "HOOK_SECRET"), new WebhookConfig(new Uri(Url, "hooks/b"), null)],
    };

    [Fact]
    public void AddExecutors_EveryIdentityAndTicketTarget_OneExecutorEach()
    {
        var services = new ServiceCollection();

        var setup = services.AddExecutors(Everything(), new DictionarySecretSource(new SimulatorCredentials().AsEnvironment()), ExecutorOptions.Fast);

        setup.Registered.ShouldBe(
        [
            "revoke-sessions/graph", "disable-user/graph", "quarantine-email/graph",
            "ticket/servicenow", "ticket/jira", "ticket/pagerduty", "ticket/webhooks[0]", "ticket/webhooks[1]",
        ], ignoreOrder: true);
        using var provider = services.BuildServiceProvider();
        provider.GetServices<IActionExecutor>().Select(e => $"{e.Kind}/{e.Name}").ShouldBe(setup.Registered, ignoreOrder: true);
    }

    [Fact]
    public void AddExecutors_SecretsMissing_OneErrorNamingEveryVariableAndNoValue()
    {
        var secrets = new Dictionary<string, string> { ["SN_USER"] = "someone", ["HOOK_SECRET"] = "whsec_%%%", ["JIRA_USER"] = "x@y" };

        var error = Should.Throw<ExecutorConfigurationException>(() =>
            new ServiceCollection().AddExecutors(Everything(), new DictionarySecretSource(secrets), ExecutorOptions.Fast));

        error.Problems.ShouldBe(
        [
            "graph: environment variable GRAPH_SECRET is not set",
            "servicenow: environment variable SN_PASS is not set",
            "jira: environment variable JIRA_TOKEN is not set",
            "pagerduty: environment variable PD_KEY is not set",
            "webhooks[0]: HOOK_SECRET: the webhook secret is not base64 after its whsec_ prefix (Standard Webhooks)",
        ], ignoreOrder: true);
        error.Message.ShouldNotContain("%%%");
    }
}
