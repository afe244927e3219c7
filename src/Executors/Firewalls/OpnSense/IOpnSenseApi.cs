using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Firewalls.OpnSense;

/// <summary>
/// The OPNsense calls firewall-block uses (INTEGRATIONS.md §2.3): <c>firewall/alias_util</c> add, delete and list
/// on an alias that a block rule references (the pf table changes at once). HTTP Basic with the API key and secret,
/// set on the client. Adding an address that is already in the alias, or deleting one that is not, changes nothing,
/// so both are marked for retry.
/// </summary>
internal interface IOpnSenseApi
{
    [Post("/api/firewall/alias_util/add/{alias}")]
    Task<OpnSenseStatus> AddAsync(string alias, [Body] OpnSenseAddress body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);

    [Post("/api/firewall/alias_util/delete/{alias}")]
    Task<OpnSenseStatus> DeleteAsync(string alias, [Body] OpnSenseAddress body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);

    [Get("/api/firewall/alias_util/list/{alias}")]
    Task<OpnSenseList> ListAsync(string alias, CancellationToken ct);
}
