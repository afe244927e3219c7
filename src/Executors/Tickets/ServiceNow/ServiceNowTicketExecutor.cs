using System.Text.Json;
using AutoRespond.Executors.Common;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tickets.ServiceNow;

/// <summary>
/// The ticket kind as a ServiceNow incident (INTEGRATIONS.md §4.1). Every apply first looks the incident up:
/// <c>GET /api/now/table/incident?sysparm_query=correlation_id={incident}&amp;sysparm_fields=sys_id,number,state,description&amp;sysparm_limit=1</c>.
/// None: <c>POST /api/now/table/incident</c> <c>{"short_description","description","urgency","impact","category":"security","correlation_id",…}</c>.
/// Found with the same fingerprint: already in place. Found with older content: <c>PATCH /api/now/table/incident/{sys_id}</c>
/// with the new text and a work note. Resolve: <c>PATCH</c> <c>{"state":"6","close_code":…,"close_notes":…}</c>.
/// </summary>
internal sealed class ServiceNowTicketExecutor(Func<IServiceNowTableApi> api, ITicketActionSource actions, ILogger<ServiceNowTicketExecutor> logger)
    : TicketExecutorBase(Integration, actions, logger)
{
    public const string Integration = "servicenow";

    /// <summary>ServiceNow's incident states that mean "no longer open": 6 Resolved, 7 Closed, 8 Canceled.</summary>
    private static readonly HashSet<string> Done = new(StringComparer.Ordinal) { "6", "7", "8" };

    /// <summary>The close code used on resolve; instances may customise the choice list (docs).</summary>
    public const string CloseCode = "Solved (Permanently)";

    protected override async ValueTask<DispatchOutcome> UpsertAsync(PlannedAction action, TicketContent content, CancellationToken ct)
    {
        string urgency = Urgency(action.Incident.Score);
        string description = content.Narrative();
        var found = await FindAsync(action.Incident.Id, ct);
        if (found is null)
        {
            var created = (await api().CreateAsync(new ServiceNowIncident
            {
                ShortDescription = content.Title,
                Description = description,
                Urgency = urgency,
                Impact = urgency,
                Category = "security",
                CorrelationId = action.Incident.Id,
                CorrelationDisplay = "AutoRespond",
            }, ct)).Result ?? throw new TargetAnswerException("the created incident came back without a record");
            Book.Set(action.Incident.Id, new TicketRecord(created.SysId ?? "", created.Number ?? "", content.Fingerprint));
            return new DispatchOutcome(true, $"created {created.Number} (sys_id {created.SysId}) for {action.Incident.Id}");
        }
        if (TicketContent.FingerprintIn(found.Description) == content.Fingerprint)
            return AlreadyInPlace($"{found.Number} for {action.Incident.Id} is up to date");
        bool reopen = found.State is { } state && Done.Contains(state);
        await api().UpdateAsync(found.SysId!, new ServiceNowIncident
        {
            ShortDescription = content.Title,
            Description = description,
            Urgency = urgency,
            Impact = urgency,
            State = reopen ? "2" : null,
            WorkNotes = $"AutoRespond: incident {action.Incident.Id} revision {action.Incident.Revision} (score {action.Incident.Score:0.00}); "
                + $"{action.Incident.Breaches.Count} breach(es), {content.Actions.Count} action(s).",
        }, ct: ct);
        Book.Set(action.Incident.Id, new TicketRecord(found.SysId!, found.Number ?? "", content.Fingerprint));
        return new DispatchOutcome(true, $"updated {found.Number} for {action.Incident.Id} (revision {action.Incident.Revision})" + (reopen ? ", reopened" : ""));
    }

    protected override async ValueTask<DispatchOutcome> ResolveAsync(string incidentId, string actionId, string reason, CancellationToken ct)
    {
        var found = await FindAsync(incidentId, ct);
        if (found is null)
            return new DispatchOutcome(true, $"no ServiceNow incident for {incidentId}; nothing to resolve");
        if (found.State is { } state && Done.Contains(state))
            return new DispatchOutcome(true, $"{found.Number} for {incidentId} is already resolved (state {state})");
        await api().UpdateAsync(found.SysId!, new ServiceNowIncident
        {
            State = "6",
            CloseCode = CloseCode,
            CloseNotes = $"AutoRespond: {reason} ({actionId})",
        }, ct: ct);
        return new DispatchOutcome(true, $"resolved {found.Number} for {incidentId}");
    }

    protected override async ValueTask<bool> IsOpenAsync(string incidentId, CancellationToken ct) =>
        await FindAsync(incidentId, ct) is { } found && !(found.State is { } state && Done.Contains(state));

    protected override string? VendorMessage(string body)
    {
        var error = JsonSerializer.Deserialize(body, ServiceNowJsonContext.Default.ServiceNowError)?.Error;
        return error is null ? null : $"{error.Message}: {error.Detail}";
    }

    private async Task<ServiceNowRecord?> FindAsync(string incidentId, CancellationToken ct)
    {
        var list = await api().FindAsync($"correlation_id={incidentId}", "sys_id,number,state,description", 1, "true", ct);
        return list.Result is [var first, ..] && first.SysId is { Length: > 0 } ? first : null;
    }

    /// <summary>ServiceNow urgency/impact: 1 High (score ≥ 0.9), 2 Medium (≥ 0.75), 3 Low.</summary>
    private static string Urgency(double score) => score >= 0.9 ? "1" : score >= 0.75 ? "2" : "3";
}
