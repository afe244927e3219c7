using AutoRespond.Configuration;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Firewalls;

/// <summary>Registers the executors of fortios, panos, opnsense, nftables (firewall-block) for the configured integrations.</summary>
public static class FirewallRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations)
    {
        // Filled in by the Firewalls executors.
    }
}
