namespace AutoRespond.Contracts;

/// <summary>
/// Carried by every action command. <see cref="ActionId"/> is also the idempotency key at the target
/// (the rule or ticket name), so a redelivered command finds "already in place", never a second rule.
/// </summary>
public sealed record ActionHeader(
    string ActionId,
    string IncidentId,
    string Kind,
    string Target,
    DateTimeOffset RequestedAt,
    DateTimeOffset? Expires,
    string Reason,
    int PolicyVersion);

/// <summary>tcp-reset: the sensor that sees the traffic resets connections of the device (and peer, if given).</summary>
public sealed record ResetConnections(ActionHeader Header, string DeviceIp, string? PeerIp);

/// <summary>firewall-block: every configured firewall blocks the address.</summary>
public sealed record BlockAddress(ActionHeader Header, string Address);

/// <summary>switch-quarantine: every configured switch isolates the device.</summary>
public sealed record QuarantineSwitchPort(ActionHeader Header, string Address, string? Mac);

/// <summary>revoke-sessions: Entra ID sign-in sessions of the user are revoked.</summary>
public sealed record RevokeUserSessions(ActionHeader Header, string User);

/// <summary>disable-user: the Entra ID account is disabled and confirmed compromised.</summary>
public sealed record DisableUser(ActionHeader Header, string User);

/// <summary>quarantine-email: messages of the user that belong to the incident are moved out of reach.</summary>
public sealed record QuarantineEmail(ActionHeader Header, string User, IReadOnlyList<string> MessageIds);

/// <summary>ticket: one ticket per incident and target, created once and updated as the incident grows.</summary>
public sealed record OpenTicket(ActionHeader Header, IncidentScored Incident);

/// <summary>Undo an applied action (expiry or release) where its kind can be undone.</summary>
/// <param name="UndoState">What the apply left for its undo (opaque to all but the executors; stored in the ledger), or null.</param>
public sealed record RevertAction(ActionHeader Header, string Reason, string? UndoState = null);

/// <summary>Executor → engine outcomes (Zeek NetControl: added / exists / error / removed / timeout).</summary>
public sealed record ActionApplied(string ActionId, string Kind, string Executor, DateTimeOffset Time, string? Detail);

public sealed record ActionAlreadyInPlace(string ActionId, string Kind, string Executor, DateTimeOffset Time);

public sealed record ActionFailed(string ActionId, string Kind, string Executor, DateTimeOffset Time, string Error);

public sealed record ActionReverted(string ActionId, string Kind, string Executor, DateTimeOffset Time);

public sealed record ActionExpired(string ActionId, string Kind, DateTimeOffset Time);

/// <summary>API → all roles: the response policy changed to <see cref="Version"/>.</summary>
public sealed record PolicyChanged(int Version, string ChangedBy, DateTimeOffset Time);

/// <summary>API → all roles: a change window was created, updated or deleted.</summary>
public sealed record WindowChanged(string WindowId, string Change, string ChangedBy, DateTimeOffset Time);

/// <summary>
/// Responder → the queue of one action kind (<c>{prefix}-action-{kind}</c>): apply this action with every executor
/// of its kind in the consuming process. Request/response: the answer is an <see cref="ActionOutcome"/>. Redelivery
/// is harmless, because <see cref="ActionHeader.ActionId"/> is the idempotency key at every target.
/// </summary>
public sealed record ApplyAction(ActionHeader Header, IncidentScored Incident, string? User, int StepIndex, double StepMinScore, TimeSpan? Duration);

/// <summary>Responder → the queue of one action kind: undo an applied action (expiry, release). Answered by an <see cref="ActionOutcome"/>.</summary>
public sealed record RevertActionRequest(RevertAction Revert);

/// <summary>The answer to <see cref="ApplyAction"/> or <see cref="RevertActionRequest"/>: every executor's detail, joined.</summary>
/// <param name="UndoState">An apply's undo state (see <see cref="RevertAction.UndoState"/>), or null.</param>
public sealed record ActionOutcome(string ActionId, bool Applied, string Detail, string Worker, string? UndoState = null);
