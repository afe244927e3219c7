using AutoRespond.Brain.Ai;

namespace AutoRespond.Reports.Model;

/// <summary>
/// Everything a report says, for [<see cref="From"/>, <see cref="To"/>): what happened (incidents with their narratives,
/// top anomalous devices), what the product did and would have done (actions by outcome), what needs a decision (held
/// actions), the change windows that shaped it, and AI usage. Renderers only lay it out.
/// </summary>
public sealed record ReportModel(
    string Title,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportIncident> Incidents,
    IReadOnlyList<ReportAction> Actions,
    IReadOnlyList<ReportWindow> Windows,
    IReadOnlyList<ReportDevice> TopDevices,
    AiUsageReport Ai,
    IReadOnlyList<ChartBar> IncidentsOverTime,
    IReadOnlyList<ChartBar> ActionsByKind)
{
    /// <summary>Actions of one report group, oldest first.</summary>
    public IReadOnlyList<ReportAction> ActionsIn(ActionGroup group) => [.. Actions.Where(a => a.Group == group).OrderBy(a => a.CreatedAt)];
}
