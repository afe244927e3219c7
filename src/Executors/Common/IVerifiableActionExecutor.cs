using AutoRespond.Responders.Dispatch;

namespace AutoRespond.Executors.Common;

/// <summary>
/// An executor that can prove its effect by reading the target back (the rule exists, the account is disabled, the
/// message sits in the quarantine folder, the ticket is open). Used after apply and by reconciliation.
/// </summary>
public interface IVerifiableActionExecutor : IActionExecutor
{
    /// <summary>
    /// True when the effect of <paramref name="actionId"/> against <paramref name="target"/> is in place at the target
    /// right now; false when it is not (never applied, reverted, or undone by someone else).
    /// </summary>
    ValueTask<bool> IsInPlaceAsync(string actionId, string target, CancellationToken ct);
}
