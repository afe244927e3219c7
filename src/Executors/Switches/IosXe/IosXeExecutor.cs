using System.Net;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.Logging;
using Refit;

namespace AutoRespond.Executors.Switches.IosXe;

/// <summary>
/// switch-quarantine on Cisco IOS-XE over RESTCONF: merges a <c>deny ip host X any</c> entry, numbered from the
/// action id, into the configured extended ACL (with the ACL's closing <c>permit ip any any</c>), so the
/// interfaces the ACL is applied to drop the device at once; revert deletes the device's entries; read-back GETs the
/// ACL. The running config changes at once (no save: a reload forgets the quarantine, as a timed block should).
/// IOS-XE has no TTL: the engine's expiry sends the revert.
/// </summary>
internal sealed class IosXeExecutor(Func<IIosXeApi> api, SwitchConfig config, ILogger<IosXeExecutor> logger, TimeProvider time)
    : AddressBlockExecutor(ActionKinds.SwitchQuarantine, Integration, logger, time)
{
    public const string Integration = "iosxe";

    protected override bool SupportsIPv6 => false;

    protected override string Where => $"ACL {config.Acl}";

    protected override async ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct)
    {
        var entries = await ReadAclAsync(ct);
        return new Snapshot(DenyEntries(entries, address).Any(), entries);
    }

    protected override async ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct)
    {
        var entries = (IReadOnlyList<IosXeEntry>)before.State!;
        long sequence = AclSequences.Choose(actionId, entries.Select(e => e.Sequence).ToHashSet());
        var deny = new IosXeEntry(sequence, new IosXeAceRule("deny", "ip", HostAddress: address.ToString(), DstAny: IosXeAceRule.Empty));
        var permit = new IosXeEntry(AclSequences.PermitAll, new IosXeAceRule("permit", "ip", Any: IosXeAceRule.Empty, DstAny: IosXeAceRule.Empty));
        await api().PatchAclAsync(config.Acl, new IosXeAclDocument([new IosXeExtendedAcl(config.Acl, [deny, permit])]), ct: ct);
        return null;
    }

    protected override async ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct)
    {
        foreach (var entry in DenyEntries((IReadOnlyList<IosXeEntry>)before.State!, address))
        {
            try
            {
                await api().DeleteEntryAsync(config.Acl, entry.Sequence, ct);
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // gone in between: that is what was asked
            }
        }
        return null;
    }

    protected override string? VendorMessage(string body)
    {
        var errors = JsonSerializer.Deserialize(body, IosXeJsonContext.Default.IosXeErrors);
        var list = (errors?.Prefixed ?? errors?.Plain)?.Error ?? [];
        return string.Join("; ", list.Select(e => $"{e.Tag}: {e.Message}".Trim(' ', ':')));
    }

    /// <summary>The ACL's entries; an ACL that does not exist yet (404) has none.</summary>
    private async Task<IReadOnlyList<IosXeEntry>> ReadAclAsync(CancellationToken ct)
    {
        try
        {
            var document = await api().GetAclAsync(config.Acl, ct);
            return document.Extended?.FirstOrDefault(a => a.Name == config.Acl)?.Entries ?? [];
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    private static IEnumerable<IosXeEntry> DenyEntries(IReadOnlyList<IosXeEntry> entries, IPAddress address) =>
        entries.Where(e => e.AceRule is { Action: "deny" } rule
            && IPAddress.TryParse(rule.HostAddress, out var host) && host.Equals(address));
}
