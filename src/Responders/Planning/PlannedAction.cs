using AutoRespond.Contracts;

namespace AutoRespond.Responders.Planning;

/// <summary>One action the ladder asks for, before the gates have ruled on it.</summary>
public sealed record PlannedAction(
    string ActionId,
    IncidentScored Incident,
    string Kind,
    string Target,
    int StepIndex,
    double StepMinScore,
    TimeSpan? Duration,
    DateTimeOffset Time)
{
    public DateTimeOffset? Expires => Duration is { } d && ActionKinds.IsRevertible(Kind) ? Time + d : null;
}
