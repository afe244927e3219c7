using System.Net;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Firewalls.FortiOs;

/// <summary>
/// firewall-block on a FortiGate: <c>POST /api/v2/monitor/user/banned/add_users?vdom=…</c> with
/// <c>{"ip_addresses":[ip],"expiry":remaining seconds}</c> (the FortiGate lifts the ban by itself), revert with
/// <c>clear_users</c>, read-back with <c>banned/select</c>.
/// </summary>
internal sealed class FortiOsExecutor(Func<IFortiOsApi> api, FortiOsConfig config, ILogger<FortiOsExecutor> logger, TimeProvider time)
    : AddressBlockExecutor(ActionKinds.FirewallBlock, Integration, logger, time)
{
    public const string Integration = "fortios";

    protected override string Where => $"the ban list of vdom {config.Vdom}";

    protected override async ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct)
    {
        var list = await api().ListBansAsync(config.Vdom, ct);
        var ban = (list.Results ?? []).FirstOrDefault(b => IPAddress.TryParse(b.IpAddress, out var banned) && banned.Equals(address));
        return ban is null
            ? new Snapshot(false)
            : new Snapshot(true, LiftsAt: ban.Expires == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(ban.Expires));
    }

    protected override async ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct)
    {
        long expiry = remaining is { } left ? ActionTargets.WholeSeconds(left) : 0;
        var result = await api().AddBansAsync(config.Vdom, new FortiOsBanRequest([address.ToString()], expiry), ct: ct);
        return Success(result);
    }

    protected override async ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct)
    {
        var result = await api().ClearBansAsync(config.Vdom, new FortiOsClearRequest([address.ToString()]), ct: ct);
        return Success(result);
    }

    protected override string? VendorMessage(string body)
    {
        var result = JsonSerializer.Deserialize(body, FortiOsJsonContext.Default.FortiOsResult);
        return result is null ? null : Describe(result);
    }

    private static string? Success(FortiOsResult result) =>
        string.Equals(result.Status, "success", StringComparison.OrdinalIgnoreCase) ? null : Describe(result);

    private static string Describe(FortiOsResult result) =>
        $"status {result.Status ?? "missing"}"
        + (result.Error is { } code ? $", error {code}{Meaning(code)}" : "")
        + (result.HttpStatus is { } http ? $", http_status {http}" : "");

    private static string Meaning(int code) => code switch
    {
        -3 => " (entry not found)",
        -5 => " (duplicate entry)",
        -8 => " (invalid IP address)",
        -14 => " (permission denied)",
        -651 => " (invalid value)",
        _ => "",
    };
}
