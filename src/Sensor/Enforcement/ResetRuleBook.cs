using AutoRespond.Contracts;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Enforcement;

/// <summary>Where the sensor reports what became of <c>tcp-reset</c> actions (the bus, in a deployment).</summary>
public interface IActionOutcomeSink
{
    void Applied(ActionApplied outcome);

    void AlreadyInPlace(ActionAlreadyInPlace outcome);

    void Failed(ActionFailed outcome);

    void Reverted(ActionReverted outcome);

    void Expired(ActionExpired outcome);
}

/// <summary>
/// The sensor's side of the <c>tcp-reset</c> action kind: turns <see cref="ResetConnections"/> commands into
/// <see cref="ResetRule"/>s of the <see cref="TcpResetEnforcer"/>, removes them on release or expiry, and reports
/// every change. The action id is the idempotency key: a redelivered command is "already in place", never a
/// second rule. Thread safe: commands arrive on the bus's threads while the capture thread reads the rules.
/// </summary>
public sealed class ResetRuleBook(TcpResetEnforcer enforcer, IActionOutcomeSink outcomes, TimeProvider time)
{
    public const string Executor = "sensor";
    private readonly Dictionary<string, ResetRule> _rules = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) return _rules.Count; }
    }

    public void Apply(ResetConnections command)
    {
        var header = command.Header;
        if (!TryParse(command.DeviceIp, out var device) || (command.PeerIp is { } p && !TryParse(p, out _)))
        {
            outcomes.Failed(new ActionFailed(header.ActionId, header.Kind, Executor, time.GetUtcNow(),
                $"not an IP address: '{command.DeviceIp}'{(command.PeerIp is null ? "" : $" / '{command.PeerIp}'")}"));
            return;
        }
        IpAddr? peer = command.PeerIp is null ? null : IpAddr.Parse(command.PeerIp);
        long expires = (header.Expires ?? DateTimeOffset.MaxValue).UtcTicks;
        lock (_gate)
        {
            if (_rules.ContainsKey(header.ActionId))
            {
                outcomes.AlreadyInPlace(new ActionAlreadyInPlace(header.ActionId, header.Kind, Executor, time.GetUtcNow()));
                return;
            }
            _rules[header.ActionId] = new ResetRule(header.ActionId, device, peer, expires);
            enforcer.SetRules(_rules.Values);
        }
        outcomes.Applied(new ActionApplied(header.ActionId, header.Kind, Executor, time.GetUtcNow(),
            $"resetting TCP connections of {command.DeviceIp}{(peer is null ? "" : " with " + command.PeerIp)}"));
    }

    /// <summary>Manual release (a <see cref="RevertAction"/>): the rule goes and the connections may come back.</summary>
    public void Release(RevertAction command)
    {
        bool removed;
        lock (_gate)
        {
            removed = _rules.Remove(command.Header.ActionId);
            if (removed) enforcer.SetRules(_rules.Values);
        }
        if (removed)
            outcomes.Reverted(new ActionReverted(command.Header.ActionId, command.Header.Kind, Executor, time.GetUtcNow()));
    }

    /// <summary>Removes the rules whose expiry has passed and reports each as expired. Call it periodically.</summary>
    public int ExpireDue()
    {
        var now = time.GetUtcNow();
        ResetRule[] due;
        lock (_gate)
        {
            due = [.. _rules.Values.Where(r => r.ExpiresTicks <= now.UtcTicks)];
            foreach (var rule in due) _rules.Remove(rule.ActionId);
            if (due.Length > 0) enforcer.SetRules(_rules.Values);
        }
        foreach (var rule in due) outcomes.Expired(new ActionExpired(rule.ActionId, ActionKinds.TcpReset, now));
        return due.Length;
    }

    private static bool TryParse(string text, out IpAddr address)
    {
        address = default;
        if (!System.Net.IPAddress.TryParse(text, out var ip)) return false;
        address = IpAddr.FromIPAddress(ip);
        return true;
    }
}
