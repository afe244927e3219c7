using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Firewalls.FortiOs;

/// <summary>
/// The FortiOS REST API calls firewall-block uses (INTEGRATIONS.md §2.1): the runtime ban list ("quarantine"), which
/// expires by itself. Auth is <c>Authorization: Bearer &lt;api-key&gt;</c>, set on the client; the VDOM is a query
/// parameter. add_users and clear_users are idempotent (banning a banned address again, or clearing an address that
/// is not banned, changes nothing), so they are marked for retry.
/// </summary>
internal interface IFortiOsApi
{
    [Get("/api/v2/monitor/user/banned/select")]
    Task<FortiOsBanList> ListBansAsync([Query] string vdom, CancellationToken ct);

    [Post("/api/v2/monitor/user/banned/add_users")]
    Task<FortiOsResult> AddBansAsync([Query] string vdom, [Body] FortiOsBanRequest body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);

    [Post("/api/v2/monitor/user/banned/clear_users")]
    Task<FortiOsResult> ClearBansAsync([Query] string vdom, [Body] FortiOsClearRequest body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);
}
