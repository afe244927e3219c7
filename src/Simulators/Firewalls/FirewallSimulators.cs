using AutoRespond.Simulators.Common;

namespace AutoRespond.Simulators.Firewalls;

public static class FirewallSimulators
{
    /// <summary>New instances of this family's vendor simulators.</summary>
    public static IEnumerable<IVendorSimulator> Create() => [new FortiOsSimulator(), new PanOsSimulator(), new OpnSenseSimulator()];
}
