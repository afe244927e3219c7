using System.Collections.Concurrent;

namespace AutoRespond.Executors.Graph;

/// <summary>
/// Message ids known to belong to an incident (from email events posted to the API, or a <c>QuarantineEmail</c>
/// command's <c>MessageIds</c>). quarantine-email moves these as well as what its mailbox search finds.
/// In memory: the API (or the command consumer) adds ids before the action runs.
/// </summary>
public sealed class QuarantineMessageIds
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byIncident = new(StringComparer.Ordinal);

    public void Add(string incidentId, IEnumerable<string> messageIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        var ids = _byIncident.GetOrAdd(incidentId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        foreach (var id in messageIds)
        {
            if (!string.IsNullOrWhiteSpace(id))
                ids.TryAdd(id.Trim(), 0);
        }
    }

    public IReadOnlyList<string> For(string incidentId) =>
        _byIncident.TryGetValue(incidentId, out var ids) ? [.. ids.Keys.Order(StringComparer.Ordinal)] : [];
}
