using System.Globalization;
using System.Text.Json;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tickets.PagerDuty;

/// <summary>
/// The ticket kind as a PagerDuty alert (Events API v2, INTEGRATIONS.md §4.4): <c>trigger</c> with <c>dedup_key</c> = the
/// incident id (a second trigger with the same key while the alert is open adds to it, never a second alert), again when the
/// content changes, and <c>resolve</c> with the same key when the incident closes. PagerDuty cannot be read back, so the
/// executor remembers what it sent: a redelivery with the same content is "already in place", and a resolved incident is not
/// triggered again (a trigger on a resolved key would open a new alert).
/// </summary>
internal sealed class PagerDutyTicketExecutor(Func<IPagerDutyEventsApi> api, string routingKey, ITicketActionSource actions,
    ILogger<PagerDutyTicketExecutor> logger)
    : TicketExecutorBase(Integration, actions, logger)
{
    public const string Integration = "pagerduty";

    /// <summary>Custom details above this size drop the narrative and evidence (the Events API takes 512 KB in all).</summary>
    private const int MaxDetailsBytes = 400_000;

    protected override async ValueTask<DispatchOutcome> UpsertAsync(PlannedAction action, TicketContent content, CancellationToken ct)
    {
        var incident = action.Incident;
        var known = Book.Find(incident.Id);
        if (known is { Resolved: true })
            return AlreadyInPlace($"alert {incident.Id} was resolved; not triggered again");
        if (known?.Fingerprint == content.Fingerprint)
            return AlreadyInPlace($"alert {incident.Id} is up to date");
        var details = content.ToJson();
        if (JsonSerializer.SerializeToUtf8Bytes(details, PagerDutyJsonContext.Default.Options).Length > MaxDetailsBytes)
        {
            details.Remove("narrative");
            details.Remove("breaches");
        }
        var payload = new PagerDutyPayload(Clip(content.Title, 1024), incident.Device.Hostname ?? incident.Device.Ip, Severity(content.Severity),
            incident.LastSeen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            incident.Device.Ip, incident.Device.Zone, incident.Category, details);
        var answer = await api().EnqueueAsync(new PagerDutyEvent(routingKey, "trigger", incident.Id, payload, "AutoRespond"), ct: ct);
        Book.Set(incident.Id, new TicketRecord(answer.DedupKey ?? incident.Id, incident.Id, content.Fingerprint));
        return new DispatchOutcome(true, $"{(known is null ? "triggered" : "re-triggered (updated)")} alert dedup_key {answer.DedupKey ?? incident.Id}: {answer.Message}");
    }

    protected override async ValueTask<DispatchOutcome> ResolveAsync(string incidentId, string actionId, string reason, CancellationToken ct)
    {
        var known = Book.Find(incidentId);
        if (known is { Resolved: true })
            return new DispatchOutcome(true, $"alert {incidentId} is already resolved");
        var answer = await api().EnqueueAsync(new PagerDutyEvent(routingKey, "resolve", incidentId), ct: ct);
        Book.Set(incidentId, (known ?? new TicketRecord(incidentId, incidentId, "")) with { Resolved = true });
        return new DispatchOutcome(true, $"resolved alert dedup_key {answer.DedupKey ?? incidentId}: {answer.Message}");
    }

    /// <summary>Only what this process sent: PagerDuty's Events API has no read.</summary>
    protected override ValueTask<bool> IsOpenAsync(string incidentId, CancellationToken ct) =>
        ValueTask.FromResult(Book.Find(incidentId) is { Resolved: false });

    protected override string? VendorMessage(string body)
    {
        var answer = JsonSerializer.Deserialize(body, PagerDutyJsonContext.Default.PagerDutyResponse);
        return answer is null ? null : $"{answer.Status}: {answer.Message}" + (answer.Errors is { Count: > 0 } e ? " (" + string.Join("; ", e) + ")" : "");
    }

    private static string Severity(string severity) => severity switch
    {
        "critical" => "critical",
        "high" => "error",
        "medium" => "warning",
        _ => "info",
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
