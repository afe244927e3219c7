using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Firewalls.PanOs;

/// <summary>
/// The PAN-OS XML API calls firewall-block uses (INTEGRATIONS.md §2.2): User-ID tag registration that feeds a
/// Dynamic Address Group (no commit), and the registered-ip listing to read it back. Auth is the
/// <c>X-PAN-KEY</c> header, set on the client. Answers are XML, read as text. A register (or unregister) of the
/// same address and tag is idempotent (PAN-OS answers "already exists, ignore"), so it is marked for retry.
/// </summary>
internal interface IPanOsApi
{
    /// <summary><c>POST /api/</c>, form <c>type=user-id&amp;vsys=…&amp;cmd=&lt;uid-message&gt;…</c>.</summary>
    [Post("/api/")]
    Task<string> UserIdAsync([Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);

    /// <summary><c>GET /api/?type=op&amp;cmd=…</c> (an operational command; the listing is short).</summary>
    [Get("/api/")]
    Task<string> OperationAsync([Query] string type, [Query] string cmd, CancellationToken ct);
}
