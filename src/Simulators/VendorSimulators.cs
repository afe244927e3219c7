using AutoRespond.Simulators.Common;

namespace AutoRespond.Simulators;

/// <summary>Every vendor simulator, one instance per host.</summary>
public static class VendorSimulators
{
    public static IEnumerable<IVendorSimulator> All() =>
    [
        .. Firewalls.FirewallSimulators.Create(),
        .. Switches.SwitchSimulators.Create(),
        .. Graph.GraphSimulators.Create(),
        .. Tickets.TicketSimulators.Create(),
    ];
}
