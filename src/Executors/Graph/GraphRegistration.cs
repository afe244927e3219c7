using AutoRespond.Configuration;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Graph;

/// <summary>Registers the executors of graph (revoke-sessions, disable-user, quarantine-email) for the configured integrations.</summary>
public static class GraphRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations)
    {
        // Filled in by the Graph executors.
    }
}
