using AutoRespond.Configuration;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Tickets;

/// <summary>Registers the executors of servicenow, jira, pagerduty, webhooks (ticket) for the configured integrations.</summary>
public static class TicketRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations)
    {
        // Filled in by the Tickets executors.
    }
}
