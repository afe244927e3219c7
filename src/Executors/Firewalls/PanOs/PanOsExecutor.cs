using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Firewalls.PanOs;

/// <summary>
/// firewall-block on a PAN-OS firewall: registers the configured tag on the address with a timeout (the firewall
/// drops the tag by itself), so the Dynamic Address Group that matches the tag, and the deny rule that uses the
/// group, cover it at once — no commit. Revert unregisters the tag; read-back lists the tag's registered addresses.
/// </summary>
internal sealed class PanOsExecutor(Func<IPanOsApi> api, PanOsConfig config, ILogger<PanOsExecutor> logger, TimeProvider time)
    : AddressBlockExecutor(ActionKinds.FirewallBlock, Integration, logger, time)
{
    public const string Integration = "panos";

    protected override string Where => $"the addresses registered with tag {config.Tag}";

    protected override async ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct)
    {
        string xml = await api().OperationAsync("op", PanOsMessages.ShowRegistered(config.Tag), ct);
        return new Snapshot(PanOsMessages.RegisteredAddresses(xml, config.Tag).Contains(address));
    }

    protected override async ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct)
    {
        // Longer than PAN-OS allows: register without a timeout and let the engine's revert lift it.
        long seconds = remaining is { } left ? ActionTargets.WholeSeconds(left) : 0;
        long timeout = seconds > PanOsMessages.MaxTimeoutSeconds ? 0 : seconds;
        string xml = await api().UserIdAsync(PanOsMessages.UserIdForm(PanOsMessages.Register(address, config.Tag, timeout)), ct: ct);
        return PanOsMessages.UidFailure(xml);
    }

    protected override async ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct)
    {
        string xml = await api().UserIdAsync(PanOsMessages.UserIdForm(PanOsMessages.Unregister(address, config.Tag)), ct: ct);
        return PanOsMessages.UidFailure(xml);
    }

    protected override string? VendorMessage(string body) => PanOsMessages.Error(PanOsMessages.Parse(body));
}
