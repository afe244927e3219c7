using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Switches.Arista;

/// <summary>
/// Arista EOS eAPI (INTEGRATIONS.md §3.2): JSON-RPC 2.0 <c>runCmds</c> on <c>POST /command-api</c>,
/// <c>Content-Type: application/json-rpc</c>, HTTP Basic set on the client. Every command list this executor sends
/// leaves the same state when run twice (numbered ACL entries, <c>no SEQ</c>, <c>show</c>), so the call is marked for retry.
/// </summary>
internal interface IAristaApi
{
    [Post("/command-api")]
    [Headers("Content-Type: application/json-rpc")]
    Task<EapiResponse> RunCmdsAsync([Body] EapiRequest body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);
}
