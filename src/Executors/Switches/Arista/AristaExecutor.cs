using System.Globalization;
using System.Net;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Switches.Arista;

/// <summary>
/// switch-quarantine on Arista EOS over eAPI: <c>enable</c>, <c>configure</c>, <c>ip access-list ACL</c>,
/// <c>no SEQ</c>, <c>SEQ deny ip host X any</c> (SEQ from the action id; a closing <c>permit ip any any</c> when the list has none),
/// <c>exit</c>; revert sends <c>no SEQ</c> for the device's entries; read-back is <c>show ip access-lists ACL</c>.
/// The JSON-RPC id is the action id. EOS has no TTL on an ACL entry: the engine's expiry sends the revert.
/// </summary>
internal sealed class AristaExecutor(Func<IAristaApi> api, SwitchConfig config, ILogger<AristaExecutor> logger, TimeProvider time)
    : AddressBlockExecutor(ActionKinds.SwitchQuarantine, Integration, logger, time)
{
    public const string Integration = "arista";
    private const string PermitAll = "permit ip any any";

    protected override bool SupportsIPv6 => false;

    protected override string Where => $"ACL {config.Acl}";

    protected override async ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct)
    {
        var entries = await ReadAclAsync(actionId, ct);
        return new Snapshot(entries.Any(e => Denies(e.Text, address)), entries);
    }

    protected override async ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct)
    {
        var entries = (IReadOnlyList<(long Sequence, string Text)>)before.State!;
        long sequence = AclSequences.Choose(actionId, entries.Select(e => e.Sequence).ToHashSet());
        // "no SEQ" first: a retried call (the first attempt ran, its answer was lost) re-enters the same entry instead
        // of failing on a duplicate sequence number. SEQ is free or holds this same entry, so nothing else is touched.
        var cmds = new List<string>
        {
            "enable", "configure", $"ip access-list {config.Acl}", $"no {Number(sequence)}", $"{Number(sequence)} deny ip host {address} any",
        };
        if (!entries.Any(e => e.Text == PermitAll))
            cmds.Add($"{Number(AclSequences.PermitAll)} {PermitAll}");
        cmds.Add("exit");
        return Failure(await api().RunCmdsAsync(EapiRequest.RunCmds(actionId, cmds), ct: ct));
    }

    protected override async ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct)
    {
        var entries = (IReadOnlyList<(long Sequence, string Text)>)before.State!;
        var cmds = new List<string> { "enable", "configure", $"ip access-list {config.Acl}" };
        cmds.AddRange(entries.Where(e => Denies(e.Text, address)).Select(e => $"no {Number(e.Sequence)}"));
        cmds.Add("exit");
        return Failure(await api().RunCmdsAsync(EapiRequest.RunCmds(actionId, cmds), ct: ct));
    }

    /// <summary>The ACL's entries (none when it does not exist).</summary>
    private async Task<IReadOnlyList<(long Sequence, string Text)>> ReadAclAsync(string actionId, CancellationToken ct)
    {
        var response = await api().RunCmdsAsync(EapiRequest.RunCmds(actionId, ["enable", $"show ip access-lists {config.Acl}"]), ct: ct);
        if (Failure(response) is { } failure)
            throw new TargetAnswerException($"show ip access-lists {config.Acl}: {failure}");
        if (response.Result is not { Count: 2 } result || result[1].ValueKind != JsonValueKind.Object
            || !result[1].TryGetProperty("aclList", out var lists) || lists.ValueKind != JsonValueKind.Array)
            throw new TargetAnswerException($"show ip access-lists {config.Acl} answered without an aclList");
        var entries = new List<(long, string)>();
        foreach (var list in lists.EnumerateArray())
        {
            if (!list.TryGetProperty("name", out var name) || name.GetString() != config.Acl
                || !list.TryGetProperty("sequence", out var sequence) || sequence.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var entry in sequence.EnumerateArray())
            {
                if (entry.TryGetProperty("sequenceNumber", out var number) && number.TryGetInt64(out long n)
                    && entry.TryGetProperty("text", out var text) && text.GetString() is { } t)
                    entries.Add((n, t.Trim()));
            }
        }
        return entries;
    }

    private static bool Denies(string text, IPAddress address)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words is ["deny", "ip", "host", var host, "any", ..] && IPAddress.TryParse(host, out var ip) && ip.Equals(address);
    }

    private static string? Failure(EapiResponse response)
    {
        if (response.Error is not { } error)
            return response.Result is null ? "eAPI answered neither result nor error" : null;
        var errors = (error.Data ?? []).Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("errors", out _))
            .SelectMany(d => d.GetProperty("errors").EnumerateArray().Select(e => e.GetString()))
            .Where(e => !string.IsNullOrEmpty(e));
        return $"eAPI error {error.Code}: {error.Message}" + (errors.Any() ? $" ({string.Join("; ", errors)})" : "");
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
