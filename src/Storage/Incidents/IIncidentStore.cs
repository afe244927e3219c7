using AutoRespond.Contracts;

namespace AutoRespond.Storage;

/// <summary>Incidents as the brain publishes them, newest revision wins.</summary>
public interface IIncidentStore
{
    /// <summary>
    /// Inserts the incident (state <see cref="IncidentStates.Open"/>) or updates it to a higher revision, adding
    /// breaches not yet stored. Returns <c>false</c>, changing nothing, when the stored revision is the same or higher.
    /// </summary>
    Task<bool> UpsertAsync(IncidentScored incident, CancellationToken cancellationToken = default);

    /// <summary>The incident, or null.</summary>
    Task<IncidentRecord?> GetAsync(string incidentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Incidents active in [<paramref name="from"/>, <paramref name="to"/>) (first seen before <paramref name="to"/>,
    /// last seen at or after <paramref name="from"/>) with a score of at least <paramref name="minScore"/>,
    /// most recently seen first, at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<IncidentRecord>> ListAsync(
        DateTimeOffset from, DateTimeOffset to, double minScore, int max, CancellationToken cancellationToken = default);

    /// <summary>Sets the handling state (one of <see cref="IncidentStates.All"/>); <c>false</c> if no such incident.</summary>
    Task<bool> SetStateAsync(string incidentId, string state, CancellationToken cancellationToken = default);
}
