using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AutoRespond.Executors.Ocsf;
using AutoRespond.Executors.Tickets.Content;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Tickets.Webhooks;

/// <summary>
/// The ticket kind as a signed outbound webhook (Standard Webhooks, INTEGRATIONS.md §4.5): <c>POST {url}</c> with
/// <c>{"type":"incident.created|incident.updated|incident.resolved","timestamp":…,"data":{…}}</c> and the headers
/// <c>webhook-id</c> (a hash of action id, type and content: the same across retries and redeliveries, so receivers can
/// drop duplicates), <c>webhook-timestamp</c> and <c>webhook-signature</c> (per attempt). 2xx is delivered; 429/5xx are
/// retried honouring Retry-After; 410 disables the endpoint (logged) until restart.
/// </summary>
internal sealed class WebhookTicketExecutor(string name, Func<HttpClient> client, Uri url, WebhookPayloadFormat format,
    ITicketActionSource actions, TimeProvider time, ILogger<WebhookTicketExecutor> logger)
    : TicketExecutorBase(name, actions, logger)
{
    public const string Created = "incident.created";
    public const string Updated = "incident.updated";
    public const string Resolved = "incident.resolved";

    private readonly ConcurrentDictionary<string, TicketContent> _last = new(StringComparer.Ordinal);
    private volatile bool _disabled;

    public bool Disabled => _disabled;

    /// <summary>The <c>webhook-id</c> of a message: <c>msg_</c> + 24 hex of SHA-256(action id | type | fingerprint).</summary>
    public static string MessageId(string actionId, string type, string fingerprint) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{actionId}|{type}|{fingerprint}")))[..24];

    protected override async ValueTask<DispatchOutcome> UpsertAsync(PlannedAction action, TicketContent content, CancellationToken ct)
    {
        if (_disabled)
            return DisabledOutcome();
        var incident = action.Incident;
        var known = Book.Find(incident.Id);
        if (known is { Resolved: true })
            return AlreadyInPlace($"{incident.Id} was resolved; not sent again");
        if (known?.Fingerprint == content.Fingerprint)
            return AlreadyInPlace($"{known.Display} for {incident.Id} was delivered with this content");
        string type = known is null ? Created : Updated;
        JsonNode data = format == WebhookPayloadFormat.Ocsf
            ? new JsonObject { ["ocsf"] = OcsfExport.Export(incident, content.Actions, null,
                known is null ? OcsfExport.ActivityCreate : OcsfExport.ActivityUpdate, known is null ? OcsfExport.StatusNew : OcsfExport.StatusInProgress) }
            : content.ToJson();
        string id = MessageId(action.ActionId, type, content.Fingerprint);
        var outcome = await DeliverAsync(id, type, TicketContent.Time(incident.Time), data, ct);
        if (outcome.Applied)
        {
            Book.Set(incident.Id, new TicketRecord(id, type, content.Fingerprint));
            _last[incident.Id] = content;
        }
        return outcome;
    }

    protected override async ValueTask<DispatchOutcome> ResolveAsync(string incidentId, string actionId, string reason, CancellationToken ct)
    {
        if (_disabled)
            return DisabledOutcome();
        var known = Book.Find(incidentId);
        if (known is { Resolved: true })
            return new DispatchOutcome(true, $"{incidentId} is already resolved");
        var last = _last.GetValueOrDefault(incidentId);
        JsonNode data = format == WebhookPayloadFormat.Ocsf && last is not null
            ? new JsonObject { ["ocsf"] = new JsonArray(OcsfExport.IncidentFinding(last.Incident, last.Actions, null, OcsfExport.ActivityClose, OcsfExport.StatusResolved)) }
            : new JsonObject { ["id"] = incidentId, ["action"] = actionId, ["reason"] = reason, ["incident"] = last?.ToJson() };
        string id = MessageId(actionId, Resolved, known?.Fingerprint ?? "");
        var outcome = await DeliverAsync(id, Resolved, TicketContent.Time(time.GetUtcNow()), data, ct);
        if (outcome.Applied)
            Book.Set(incidentId, (known ?? new TicketRecord(id, Resolved, "")) with { Reference = id, Display = Resolved, Resolved = true });
        return outcome;
    }

    /// <summary>Only what this process delivered: a webhook cannot be read back.</summary>
    protected override ValueTask<bool> IsOpenAsync(string incidentId, CancellationToken ct) =>
        ValueTask.FromResult(!_disabled && Book.Find(incidentId) is { Resolved: false });

    private async Task<DispatchOutcome> DeliverAsync(string id, string type, string timestamp, JsonNode data, CancellationToken ct)
    {
        var envelope = new JsonObject { ["type"] = type, ["timestamp"] = timestamp, ["data"] = data };
        byte[] body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSigningHandler.IdHeader, id);
        using var response = await client().SendAsync(request, ct);
        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return new DispatchOutcome(true, $"delivered {type} as {id} (HTTP {status})");
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            _disabled = true;
            TicketLog.EndpointDisabled(Logger, Name);
            return new DispatchOutcome(false, $"{Name} answered 410 Gone to {type} {id}: endpoint disabled, no further deliveries until restart");
        }
        bool transient = status is 429 or 408 || status >= 500;
        return new DispatchOutcome(false, $"{Name} delivery of {type} {id} failed: HTTP {status} {response.ReasonPhrase}"
            + (transient ? " (still failing after the retries; Retry-After honoured)" : ""));
    }

    private DispatchOutcome DisabledOutcome() =>
        new(false, $"{Name} is disabled: it answered 410 Gone earlier; nothing sent");
}
