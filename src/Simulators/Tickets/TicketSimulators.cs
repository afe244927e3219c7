using AutoRespond.Simulators.Common;

namespace AutoRespond.Simulators.Tickets;

public static class TicketSimulators
{
    /// <summary>New instances of this family's vendor simulators.</summary>
    public static IEnumerable<IVendorSimulator> Create() =>
        [new ServiceNowSimulator(), new JiraSimulator(), new PagerDutySimulator(), new WebhookReceiverSimulator()];
}
