using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Tickets.ServiceNow;

/// <summary>
/// The ServiceNow Table API calls of the ticket kind (INTEGRATIONS.md §4.1). Basic auth is set on the client.
/// The create is never retried blindly (a lost answer could mean a second incident): the next attempt looks the
/// incident up by <c>correlation_id</c> first. The query and the PATCH are idempotent and may be retried.
/// </summary>
[Headers("Accept: application/json")]
internal interface IServiceNowTableApi
{
    [Get("/api/now/table/incident")]
    Task<ServiceNowList> FindAsync([AliasAs("sysparm_query")] string query, [AliasAs("sysparm_fields")] string fields,
        [AliasAs("sysparm_limit")] int limit, [AliasAs("sysparm_exclude_reference_link")] string excludeReferenceLink, CancellationToken ct);

    [Post("/api/now/table/incident")]
    Task<ServiceNowSingle> CreateAsync([Body] ServiceNowIncident body, CancellationToken ct);

    [Patch("/api/now/table/incident/{sysId}")]
    Task<ServiceNowSingle> UpdateAsync(string sysId, [Body] ServiceNowIncident body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);
}
