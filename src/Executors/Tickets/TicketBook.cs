using System.Collections.Concurrent;

namespace AutoRespond.Executors.Tickets;

/// <summary>
/// One ticketing target's memory of its tickets: incident id → the vendor's reference (sys_id, issue key, dedup key,
/// webhook type sent), the fingerprint last sent and whether it was resolved; and action id → incident id. ServiceNow and
/// Jira are also looked up by correlation id / label before anything is created, so this memory only saves calls there;
/// for PagerDuty and webhooks (which cannot be read back) it is what makes a redelivery "already in place".
/// </summary>
internal sealed class TicketBook
{
    private readonly ConcurrentDictionary<string, TicketRecord> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _incidentOfAction = new(StringComparer.Ordinal);

    public TicketRecord? Find(string incidentId) => _tickets.GetValueOrDefault(incidentId);

    public void Set(string incidentId, TicketRecord record) => _tickets[incidentId] = record;

    public void RememberAction(string actionId, string incidentId) => _incidentOfAction[actionId] = incidentId;

    public string? IncidentOf(string actionId) => _incidentOfAction.GetValueOrDefault(actionId);
}

/// <param name="Reference">The vendor's id of the ticket (sys_id, issue key, dedup key, webhook-id of the last delivery).</param>
/// <param name="Display">What a person would quote (INC0010002, SEC-24…).</param>
internal sealed record TicketRecord(string Reference, string Display, string Fingerprint, bool Resolved = false);
