using AutoRespond.Contracts;

namespace AutoRespond.Storage;

/// <summary>
/// States an action can have in the ledger: every <see cref="ActionStates"/> value (what replay prints) plus the
/// engine's own intermediate states <see cref="Requested"/>, <see cref="Applied"/> and <see cref="Reverted"/>.
/// </summary>
public static class LedgerStates
{
    /// <summary>Decided and sent to the executor; no outcome yet.</summary>
    public const string Requested = "requested";

    /// <summary>The executor reported the action in place (applied or already in place).</summary>
    public const string Applied = "applied";

    /// <summary>Undone at the target (release or expiry revert confirmed).</summary>
    public const string Reverted = "reverted";

    /// <summary>Every state the ledger accepts.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Requested, Applied, Reverted,
        ActionStates.Executed, ActionStates.DryRun, ActionStates.AwaitingConfirmation, ActionStates.SuppressedByWindow,
        ActionStates.CappedByWindow, ActionStates.BlockedProtected, ActionStates.BlockedLimit, ActionStates.Failed,
        ActionStates.Released, ActionStates.Expired,
    ];

    /// <summary>States in effect (or about to be) at a target: what <c>max_active_actions</c> counts.</summary>
    public static IReadOnlyList<string> Active { get; } = [Requested, Applied, ActionStates.Executed];

    /// <summary>States an expiring action is reverted from: the expiry poller looks only at these.</summary>
    public static IReadOnlyList<string> Expirable { get; } = [Applied, ActionStates.Executed];

    public static bool IsKnown(string state) => All.Contains(state, StringComparer.Ordinal);

    internal static void EnsureKnown(string state, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state, paramName);
        if (!IsKnown(state))
        {
            throw new ArgumentException($"Unknown ledger state '{state}'.", paramName);
        }
    }
}
