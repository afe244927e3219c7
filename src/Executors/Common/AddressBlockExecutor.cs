using System.Net;
using System.Net.Sockets;
using AutoRespond.Contracts;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Planning;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Executors.Common;

/// <summary>
/// The protocol every address-blocking executor (firewall ban lists, tags, aliases, nftables sets, switch ACLs)
/// follows, so each vendor only says how to read, add and remove one address:
/// <list type="number">
/// <item>bad input (not an address, an address family the target cannot hold, an action already expired) fails
/// with a clear detail and sends nothing;</item>
/// <item>read back first: an address already blocked answers Applied=true "already in place" and adds nothing
/// (a redelivered command must never create a second entry) — unless the target lifts blocks by itself and this
/// one would lapse before the action's expiry (an extended action, redelivered): then the block is refreshed;</item>
/// <item>add, then read back again: only a block the target shows counts as applied;</item>
/// <item>revert removes the address and reads back that it is gone; an address not there is "already removed".</item>
/// </list>
/// A target that fails (HTTP error, timeout, open circuit) ends the action with Applied=false and a detail naming the
/// integration and the vendor's error; nothing here throws for a target's failure.
/// </summary>
internal abstract class AddressBlockExecutor(string kind, string name, ILogger logger, TimeProvider time)
    : IRevertibleActionExecutor, IVerifiableActionExecutor
{
    public string Kind { get; } = kind;

    public string Name { get; } = name;

    protected TimeProvider Time { get; } = time;

    /// <summary>False where the target can only hold IPv4 addresses (IPv4 ACLs).</summary>
    protected virtual bool SupportsIPv6 => true;

    /// <summary>Where the block lives, for details: "ban list of vdom root", "ACL AUTORESPOND"…</summary>
    protected abstract string Where { get; }

    /// <summary>Reads the target: whether it blocks <paramref name="address"/> now, and what it holds (for the change that follows).</summary>
    protected abstract ValueTask<Snapshot> ReadAsync(IPAddress address, string actionId, CancellationToken ct);

    /// <summary>Adds the block; null on success, else the target's reason (an error it answered with HTTP 200).</summary>
    /// <param name="remaining">The action's remaining duration, null for none.</param>
    /// <param name="before">The read that found the address not blocked.</param>
    protected abstract ValueTask<string?> BlockAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct);

    /// <summary>
    /// Gives an existing block the action's later expiry (targets that lift blocks by themselves); null on success.
    /// The default adds the block again.
    /// </summary>
    protected virtual ValueTask<string?> RefreshAsync(IPAddress address, string actionId, TimeSpan? remaining, Snapshot before, CancellationToken ct) =>
        BlockAsync(address, actionId, remaining, before, ct);

    /// <summary>Removes the block; null on success, else the target's reason.</summary>
    /// <param name="before">The read that found the address blocked.</param>
    protected abstract ValueTask<string?> UnblockAsync(IPAddress address, string actionId, Snapshot before, CancellationToken ct);

    /// <summary>The vendor's error text inside an HTTP error body, for details.</summary>
    protected virtual string? VendorMessage(string body) => null;

    public async ValueTask<DispatchOutcome> ApplyAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!Accepts(action.ActionId, action.Target, out var address, out string? refused))
            return Refuse(action.ActionId, refused);
        var remaining = ActionTargets.Remaining(action, Time);
        if (remaining is { } left && left <= TimeSpan.Zero)
            return Refuse(action.ActionId, $"{action.ActionId} expired at {action.Expires:O}; nothing sent");
        string target = address.ToString();
        try
        {
            var before = await ReadAsync(address, action.ActionId, cancellationToken);
            bool refresh = before.Blocked && LapsesBefore(before, action.Expires);
            if (before.Blocked && !refresh)
            {
                NetworkTargetLog.AlreadyInPlace(logger, Name, action.ActionId, Kind, target);
                return new DispatchOutcome(true, $"already in place: {target} is in {Where}");
            }
            var change = refresh
                ? RefreshAsync(address, action.ActionId, remaining, before, cancellationToken)
                : BlockAsync(address, action.ActionId, remaining, before, cancellationToken);
            if (await change is { } reason)
                return Fail("apply", action.ActionId, target, $"{Name} refused to block {target}: {reason}");
            if (!(await ReadAsync(address, action.ActionId, cancellationToken)).Blocked)
                return Fail("apply", action.ActionId, target, $"{Name} accepted the block but reading {Where} back does not show {target}");
            string detail = $"{(refresh ? "extended" : "blocked")} {target} in {Where}, expiry {ActionTargets.DescribeExpiry(action, remaining)}";
            NetworkTargetLog.Applied(logger, Name, action.ActionId, Kind, target, detail);
            return new DispatchOutcome(true, detail);
        }
        catch (Exception e) when (TargetFailure.IsTargetFailure(e, cancellationToken))
        {
            return Fail("apply", action.ActionId, target, TargetFailure.Describe(Name, "apply", e, VendorMessage));
        }
    }

    public async ValueTask<DispatchOutcome> RevertAsync(RevertAction revert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revert);
        string actionId = revert.Header.ActionId;
        if (!Accepts(actionId, revert.Header.Target, out var address, out string? refused))
            return Refuse(actionId, refused);
        string target = address.ToString();
        try
        {
            var before = await ReadAsync(address, actionId, cancellationToken);
            if (!before.Blocked)
            {
                NetworkTargetLog.Reverted(logger, Name, actionId, Kind, target, "already removed");
                return new DispatchOutcome(true, $"already removed: {target} is not in {Where}");
            }
            if (await UnblockAsync(address, actionId, before, cancellationToken) is { } reason)
                return Fail("revert", actionId, target, $"{Name} refused to unblock {target}: {reason}");
            if ((await ReadAsync(address, actionId, cancellationToken)).Blocked)
                return Fail("revert", actionId, target, $"{Name} accepted the removal but {Where} still holds {target}");
            string detail = $"removed {target} from {Where} ({revert.Reason})";
            NetworkTargetLog.Reverted(logger, Name, actionId, Kind, target, detail);
            return new DispatchOutcome(true, detail);
        }
        catch (Exception e) when (TargetFailure.IsTargetFailure(e, cancellationToken))
        {
            return Fail("revert", actionId, target, TargetFailure.Describe(Name, "revert", e, VendorMessage));
        }
    }

    public async ValueTask<bool> IsInPlaceAsync(string actionId, string target, CancellationToken ct)
    {
        if (!Accepts(actionId, target, out var address, out string? refused))
            throw new ArgumentException(refused, nameof(target));
        return (await ReadAsync(address, actionId, ct)).Blocked;
    }

    private bool Accepts(string actionId, string target, out IPAddress address, out string refused)
    {
        bool parsed = ActionTargets.TryParseAddress(target, out address);
        refused = string.IsNullOrWhiteSpace(actionId) ? "the action has no id; nothing sent"
            : !parsed ? $"target '{Printable(target)}' is not an IP address; nothing sent"
            : address.AddressFamily == AddressFamily.InterNetworkV6 && !SupportsIPv6
                ? $"{Name} blocks IPv4 addresses only ({Where} is an IPv4 ACL); {address} not sent"
            : "";
        return refused.Length == 0;
    }

    private DispatchOutcome Refuse(string actionId, string detail)
    {
        NetworkTargetLog.Refused(logger, Name, actionId, Kind, detail);
        return new DispatchOutcome(false, detail);
    }

    private DispatchOutcome Fail(string operation, string actionId, string target, string detail)
    {
        NetworkTargetLog.Failed(logger, Name, operation, actionId, Kind, target, detail);
        return new DispatchOutcome(false, detail);
    }

    /// <summary>
    /// True when the target will lift the block (at <see cref="Snapshot.LiftsAt"/>) more than half a minute before
    /// <paramref name="expires"/>, or at all when the action has no expiry.
    /// </summary>
    private static bool LapsesBefore(Snapshot before, DateTimeOffset? expires) =>
        before.LiftsAt is { } lifts && (expires is null || expires.Value - lifts > RefreshTolerance);

    private static readonly TimeSpan RefreshTolerance = TimeSpan.FromSeconds(30);

    /// <summary>What a read found: whether the address is blocked, and the target's state the vendor needs for its change.</summary>
    /// <param name="LiftsAt">When the target lifts the block by itself; null when it does not (or does not say).</param>
    protected sealed record Snapshot(bool Blocked, object? State = null, DateTimeOffset? LiftsAt = null);

    private static string Printable(string? text)
    {
        if (text is null)
            return "";
        var chars = text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray();
        return new string(chars) + (text.Length > 64 ? "…" : "");
    }
}
