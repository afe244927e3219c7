using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Tickets.PagerDuty;

/// <summary>
/// <c>POST /v2/enqueue</c> (INTEGRATIONS.md §4.4): no auth header, the routing key is in the body. Every event carries
/// <c>dedup_key</c> = the incident id, so a repeat changes nothing more and the call may be retried — on 429, 5xx and
/// network errors only (4xx other than 429 are the event's fault and are not retried).
/// </summary>
internal interface IPagerDutyEventsApi
{
    [Post("/v2/enqueue")]
    Task<PagerDutyResponse> EnqueueAsync([Body] PagerDutyEvent body, [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);
}
