using AutoRespond.Contracts;

namespace AutoRespond.Reports.Model;

/// <summary>An action from the ledger, with the report group its state puts it in.</summary>
public sealed record ReportAction(string Id, string IncidentId, string Kind, string Target, string State, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, string? Window, string Reason)
{
    public ActionGroup Group => GroupOf(State);

    /// <summary>
    /// Taken: executed, applied, requested, released, expired, reverted. Would have: dry-run. Suppressed: by a window
    /// (suppressed or capped). Held: awaiting confirmation (a decision is needed). Blocked: protected asset or limit. Failed.
    /// </summary>
    public static ActionGroup GroupOf(string state) => state switch
    {
        ActionStates.DryRun => ActionGroup.WouldHave,
        ActionStates.SuppressedByWindow or ActionStates.CappedByWindow => ActionGroup.Suppressed,
        ActionStates.AwaitingConfirmation => ActionGroup.Held,
        ActionStates.Failed => ActionGroup.Failed,
        ActionStates.BlockedProtected or ActionStates.BlockedLimit => ActionGroup.Blocked,
        _ => ActionGroup.Taken,
    };
}
