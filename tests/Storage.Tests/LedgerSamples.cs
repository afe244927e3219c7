using AutoRespond.Contracts;

namespace AutoRespond.Storage.Tests;

internal static class LedgerSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    public static ActionLedgerEntry Entry(
        string id,
        string state = LedgerStates.Requested,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiresAt = null) =>
        new(
            ActionId: id,
            IncidentId: "inc-1",
            Kind: ActionKinds.FirewallBlock,
            Target: "10.10.0.66",
            State: state,
            CreatedAt: createdAt ?? T0,
            ExpiresAt: expiresAt,
            PolicyVersion: 3,
            WindowName: null,
            Reason: "score 0.97 >= 0.95");
}
