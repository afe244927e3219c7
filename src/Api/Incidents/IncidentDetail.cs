using AutoRespond.Contracts;

namespace AutoRespond.Api.Incidents;

/// <summary>
/// One incident in full: its latest publication with every breach (and its evidence), a narrative in time order,
/// and the actions taken for it with their ledger history.
/// </summary>
public sealed record IncidentDetail(
    IncidentSummary Incident, IReadOnlyList<Breach> Breaches, IReadOnlyList<string> Narrative, IReadOnlyList<Actions.ActionView> Actions);
