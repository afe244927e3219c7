using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;
using AutoRespond.Reports.Model;
using AutoRespond.Storage;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Reports.Building;

/// <summary>
/// Builds a <see cref="ReportModel"/> from storage: incidents active in the period (with their narratives), actions
/// created in it (from the ledger), the change windows that were open or shaped an action, the top anomalous devices,
/// and the AI-usage inventory (given, or the one saved in the baseline store).
/// </summary>
public sealed class ReportBuilder(IIncidentStore incidents, IDbContextFactory<AutoRespondDbContext> database, IBaselineStore baselines,
    TimeProvider time)
{
    private const int MaxIncidents = 500;
    private const int MaxActions = 5_000;
    private const int TopDeviceCount = 10;

    public async Task<ReportModel> BuildAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<WindowConfig> windows,
        AiUsageReport? ai = null, string title = "AutoRespond report", CancellationToken cancellationToken = default)
    {
        if (to <= from) throw new ArgumentException("the report period must end after it starts", nameof(to));
        var stored = await incidents.ListAsync(from, to, 0, MaxIncidents, cancellationToken).ConfigureAwait(false);
        var incidentRows = stored
            .Select(r => r.Latest)
            .Select(i => new ReportIncident(i.Id, i.Device.Ip, i.Device.Hostname, i.Device.Zone, i.FirstSeen, i.LastSeen, i.Score,
                i.Category, i.Models, i.Attack, i.Summary, stored.First(s => s.Latest.Id == i.Id).State))
            .OrderBy(i => i.FirstSeen).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var breachCounts = stored.ToDictionary(s => s.Latest.Id, s => s.Latest.Breaches.Count, StringComparer.Ordinal);

        var actions = await LoadActionsAsync(from, to, cancellationToken).ConfigureAwait(false);
        ai ??= await AiUsageStore.LoadAsync(baselines, cancellationToken).ConfigureAwait(false) ?? AiUsageReport.Empty;
        return new ReportModel(title, from.ToUniversalTime(), to.ToUniversalTime(), time.GetUtcNow(), incidentRows, actions,
            Windows(windows, actions, from, to), TopDevices(incidentRows, breachCounts), ai,
            ReportCharts.IncidentsOverTime(incidentRows, from, to), ReportCharts.ActionsByKind(actions));
    }

    private async Task<List<ReportAction>> LoadActionsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromUtc = from.ToUniversalTime();
        var toUtc = to.ToUniversalTime();
        await using var db = await database.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.CreatedAt >= fromUtc && a.CreatedAt < toUtc)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Take(MaxActions)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(a => new ReportAction(a.Id, a.IncidentId, a.Kind, a.Target, a.State, a.CreatedAt, a.ExpiresAt, a.WindowName, a.Reason));
    }

    private static List<ReportWindow> Windows(IReadOnlyList<WindowConfig> configured, IReadOnlyList<ReportAction> actions,
        DateTimeOffset from, DateTimeOffset to)
    {
        var affected = actions.Where(a => a.Window is not null).GroupBy(a => a.Window!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<ReportWindow>();
        foreach (var w in configured)
        {
            bool open = w.Rrule is not null ? w.Start < to : w.Start < to && w.End > from;
            int count = affected.GetValueOrDefault(w.Name);
            if (open || count > 0)
                result.Add(new ReportWindow(w.Name, w.Start, w.End, w.Rrule, w.Effect.ToString().ToLowerInvariant(), count));
        }
        foreach (var (name, count) in affected)
            if (!result.Any(r => r.Name == name)) result.Add(new ReportWindow(name, null, null, null, "(from the API)", count));
        return result;
    }

    private static List<ReportDevice> TopDevices(IReadOnlyList<ReportIncident> incidents, IReadOnlyDictionary<string, int> breaches) =>
        [.. incidents.GroupBy(i => i.DeviceIp, StringComparer.Ordinal)
            .Select(g => new ReportDevice(g.Key, g.Select(i => i.Hostname).FirstOrDefault(h => h is not null),
                g.Select(i => i.Zone).FirstOrDefault(z => z is not null), g.Max(i => i.Score), g.Count(),
                g.Sum(i => breaches.GetValueOrDefault(i.Id)), [.. g.SelectMany(i => i.Models).Distinct(StringComparer.Ordinal)]))
            .OrderByDescending(d => d.MaxScore).ThenByDescending(d => d.Breaches).ThenBy(d => d.Ip, StringComparer.Ordinal)
            .Take(TopDeviceCount)];
}
