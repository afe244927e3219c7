using AutoRespond.Configuration;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Executors;

public static class ExecutorServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="Responders.Dispatch.IActionExecutor"/> for every configured integration (CONTRACT.md §2:
    /// firewall-block → fortios/panos/opnsense/nftables, switch-quarantine → iosxe/arista, identity and mail → graph,
    /// ticket → servicenow/jira/pagerduty/webhooks), each with its own resilient HttpClient. Problems (a secret's variable
    /// unset…) are collected and thrown together as one <see cref="ExecutorConfigurationException"/>, at start-up.
    /// </summary>
    public static ExecutorSetup AddExecutors(this IServiceCollection services, IntegrationsConfig integrations,
        ISecretSource? secrets = null, ExecutorOptions? options = null)
    {
        var setup = new ExecutorSetup(services, secrets ?? EnvironmentSecretSource.Instance, options ?? ExecutorOptions.Default);
        services.AddHttpClient();
        Firewalls.FirewallRegistration.Register(setup, integrations);
        Switches.SwitchRegistration.Register(setup, integrations);
        Graph.GraphRegistration.Register(setup, integrations);
        Tickets.TicketRegistration.Register(setup, integrations);
        if (setup.Problems.Count > 0)
            throw new ExecutorConfigurationException(setup.Problems);
        return setup;
    }
}

/// <summary>The integrations cannot start: every problem, one per line, none holding a secret.</summary>
public sealed class ExecutorConfigurationException(IReadOnlyList<string> problems)
    : Exception("integrations are not usable:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
