using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Executors.Common;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Nftables;

/// <summary>
/// firewall-block with the Linux kernel's own firewall: adds the address to a set of the table this executor owns
/// (<see cref="NftablesRuleset"/>) with <c>timeout</c> = the action's remaining duration (the kernel removes it
/// by itself) and the action id as the element's comment; revert deletes the element; read-back is
/// <c>nft -j list set</c>. Runs in the configured network namespace (<c>ip netns exec</c>) when one is set.
/// </summary>
internal sealed class NftablesExecutor(NftablesConfig config, NftProcess nft, ILogger<NftablesExecutor> logger, TimeProvider time)
    : AddressBlockExecutor(ActionKinds.FirewallBlock, Integration, logger, time)
{
    public const string Integration = "nftables";

    private readonly NftablesRuleset _ruleset = new(config.Table);

    protected override string Where =>
        $"nftables table inet {config.Table}" + (config.Netns is { } ns ? $" in netns {ns}" : "");

    /// <summary>The set's element for <paramref name="address"/>, or null (also when the table does not exist yet).</summary>
    public async ValueTask<NftElement?> FindAsync(IPAddress address, CancellationToken ct)
    {
        var result = await nft.RunAsync(_ruleset.ListSetArguments(address), null, ct);
        if (result.NotFound)
            return null;
        if (!result.Ok)
            throw new TargetAnswerException($"{nft.Describe} list set failed: {result.Error}");
        return NftablesRuleset.Elements(result.Stdout).FirstOrDefault(e => e.Address.Equals(address));
    }

    protected override async ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct) =>
        await FindAsync(address, ct) is { } element
            ? new Snapshot(true, LiftsAt: element.ExpiresSeconds is { } s ? Time.GetUtcNow().AddSeconds(s) : null)
            : new Snapshot(false);

    protected override async ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct)
    {
        long? timeout = remaining is { } left ? ActionTargets.WholeSeconds(left) : null;
        var result = await nft.RunAsync(NftablesRuleset.ApplyArguments, _ruleset.AddElement(address, actionId, timeout), ct);
        return result.Ok ? null : $"{nft.Describe}: {result.Error}";
    }

    /// <summary>Adding an element that exists keeps its old timeout: delete and add it again, in one atomic batch.</summary>
    protected override async ValueTask<string?> RefreshAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct)
    {
        long? timeout = remaining is { } left ? ActionTargets.WholeSeconds(left) : null;
        var result = await nft.RunAsync(NftablesRuleset.ApplyArguments, _ruleset.ReplaceElement(address, actionId, timeout), ct);
        return result.Ok ? null : $"{nft.Describe}: {result.Error}";
    }

    protected override async ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct)
    {
        var result = await nft.RunAsync(NftablesRuleset.ApplyArguments, _ruleset.DeleteElement(address), ct);
        // Gone in between (its timeout ran out): that is what was asked.
        return result.Ok || result.NotFound ? null : $"{nft.Describe}: {result.Error}";
    }
}
