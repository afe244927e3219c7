using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Responders.Planning;

/// <summary>One action the ladder asks for, before the gates have ruled on it.</summary>
/// <param name="User">The incident's user, when known (RDP cookie, identity events, <c>integrations.users</c>).</param>
/// <param name="StepScope">The scope of the ladder step that asked for it (the OT safety gate reads its roles).</param>
/// <param name="Escalation">Why the duration is longer than the step's (a repeat offender), or null.</param>
public sealed record PlannedAction(
    string ActionId,
    IncidentScored Incident,
    string Kind,
    string Target,
    int StepIndex,
    double StepMinScore,
    TimeSpan? Duration,
    DateTimeOffset Time,
    string? User = null,
    ScopeConfig? StepScope = null,
    string? Escalation = null)
{
    public DateTimeOffset? Expires => Duration is { } d && ActionKinds.IsRevertible(Kind) ? Time + d : null;
}
