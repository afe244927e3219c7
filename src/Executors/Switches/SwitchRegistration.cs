using AutoRespond.Configuration;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Switches;

/// <summary>Registers the executors of iosxe, arista (switch-quarantine) for the configured integrations.</summary>
public static class SwitchRegistration
{
    public static void Register(ExecutorSetup setup, IntegrationsConfig integrations)
    {
        // Filled in by the Switches executors.
    }
}
