using AutoRespond.Responders.Planning;

namespace AutoRespond.Responders.Gates;

/// <summary>
/// A check every planned action passes before any executor sees it (Zeek NetControl's rule_policy hook).
/// Gates run in a fixed order: protected assets → OT safety → change windows → blast-radius limits → duplicates.
/// </summary>
public interface IResponseGate
{
    string Name { get; }

    ValueTask<GateDecision> EvaluateAsync(PlannedAction action, CancellationToken cancellationToken);
}

/// <summary>
/// A gate's ruling. <see cref="State"/> is the CONTRACT.md action state a non-allow ruling leads to;
/// <see cref="Note"/> is context that does not change the ruling (an allowed action that resembles planned work).
/// </summary>
public sealed record GateDecision(GateVerdict Verdict, string? State = null, string? Reason = null, string? Window = null,
    string? Note = null)
{
    public static readonly GateDecision Allow = new(GateVerdict.Allow);

    public static GateDecision AllowWithNote(string note) => new(GateVerdict.Allow, Note: note);

    public static GateDecision Deny(string state, string reason, string? window = null) => new(GateVerdict.Deny, state, reason, window);

    /// <summary>Held for a person; the later gates still run (a hold must not pass a limit or duplicate an action).</summary>
    public static GateDecision Hold(string reason, string? window = null) =>
        new(GateVerdict.Hold, Contracts.ActionStates.AwaitingConfirmation, reason, window);

    /// <summary>The action is already in place: nothing new is recorded or sent.</summary>
    public static GateDecision Duplicate(string reason) => new(GateVerdict.Duplicate, null, reason);
}

public enum GateVerdict { Allow, Hold, Deny, Duplicate }

/// <summary>One gate's ruling on one action, as carried on the decision: which gate, what it said, and why.</summary>
public sealed record GateOutcome(string Gate, GateVerdict Verdict, string? Reason);
