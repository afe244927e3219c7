using System.Net;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Firewalls.OpnSense;

/// <summary>
/// firewall-block on OPNsense: adds the address to the configured alias (best an <c>external</c> alias, which
/// changes only the runtime pf table) referenced by a block rule. OPNsense has no TTL: the engine's expiry sends
/// the revert, which deletes the address; read-back lists the alias.
/// </summary>
internal sealed class OpnSenseExecutor(Func<IOpnSenseApi> api, OpnSenseConfig config, ILogger<OpnSenseExecutor> logger, TimeProvider time)
    : AddressBlockExecutor(ActionKinds.FirewallBlock, Integration, logger, time)
{
    public const string Integration = "opnsense";

    protected override string Where => $"alias {config.Alias}";

    protected override async ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct)
    {
        var list = await api().ListAsync(config.Alias, ct);
        return new Snapshot((list.Rows ?? []).Any(r => IPAddress.TryParse(r.Ip, out var ip) && ip.Equals(address)));
    }

    protected override async ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct) =>
        Failure(await api().AddAsync(config.Alias, new OpnSenseAddress(address.ToString()), ct: ct));

    protected override async ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct) =>
        Failure(await api().DeleteAsync(config.Alias, new OpnSenseAddress(address.ToString()), ct: ct));

    protected override string? VendorMessage(string body) =>
        JsonSerializer.Deserialize(body, OpnSenseJsonContext.Default.OpnSenseError)?.Message;

    private static string? Failure(OpnSenseStatus status) =>
        status.Status == "done" ? null : $"status {status.Status ?? "missing"}" + (status.StatusMessage is { } m ? $" ({m})" : "");
}
