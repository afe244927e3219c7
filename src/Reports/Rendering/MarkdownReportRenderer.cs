using System.Text;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Rendering;

/// <summary>The report as Markdown (GitHub-flavoured tables); charts become small tables of their bars.</summary>
public static class MarkdownReportRenderer
{
    public static string Render(ReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = new StringBuilder();
        m.Append("# ").AppendLine(report.Title).AppendLine()
            .AppendLine($"Period {ReportText.Time(report.From)} to {ReportText.Time(report.To)} UTC; generated {ReportText.Time(report.GeneratedAt)} UTC.").AppendLine();
        m.AppendLine("## Summary").AppendLine().AppendLine("| | |").AppendLine("|---|---|").AppendLine($"| Incidents | {report.Incidents.Count} |");
        foreach (var (group, title, _) in ReportText.ActionSections) m.AppendLine($"| {title} | {report.ActionsIn(group).Count} |");
        m.AppendLine($"| AI services in use | {report.Ai.Services.Count} ({report.Ai.Services.Count(s => !s.Sanctioned)} not sanctioned) |").AppendLine();

        m.AppendLine("## Incidents over time").AppendLine();
        Bars(m, report.IncidentsOverTime.Where(b => b.Total > 0).ToList(), "Period");
        m.AppendLine("## Actions by kind").AppendLine();
        Bars(m, report.ActionsByKind, "Kind");

        m.AppendLine("## Incidents").AppendLine();
        if (report.Incidents.Count == 0) m.AppendLine("No incident in this period.").AppendLine();
        foreach (var i in report.Incidents)
        {
            m.AppendLine($"### {i.Id}: {Cell(ReportText.Device(i.DeviceIp, i.Hostname))}, {i.Category}, score {ReportText.Score(i.Score)}").AppendLine()
                .AppendLine($"{ReportText.Time(i.FirstSeen)} to {ReportText.Time(i.LastSeen)} UTC; zone {i.Zone ?? "-"}; state {i.State}; models {string.Join(", ", i.Models)}; ATT&CK {string.Join(", ", i.Attack)}.").AppendLine()
                .AppendLine(i.Narrative).AppendLine();
        }

        foreach (var (group, title, empty) in ReportText.ActionSections)
        {
            var actions = report.ActionsIn(group);
            m.Append("## ").AppendLine(title).AppendLine();
            if (actions.Count == 0)
            {
                m.AppendLine(empty).AppendLine();
                continue;
            }
            m.AppendLine("| Time (UTC) | Action | Kind | Target | State | Incident | Window | Expires | Reason |").AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var a in actions)
                m.AppendLine($"| {ReportText.Time(a.CreatedAt)} | {a.Id} | {a.Kind} | {a.Target} | {a.State} | {a.IncidentId} | {Cell(a.Window ?? "-")} | {ReportText.Time(a.ExpiresAt)} | {Cell(a.Reason)} |");
            m.AppendLine();
        }

        m.AppendLine("## Change windows used").AppendLine();
        if (report.Windows.Count == 0) m.AppendLine("No change window was open or applied.").AppendLine();
        else
        {
            m.AppendLine("| Window | Start | End | Repeats | Effect | Actions affected |").AppendLine("|---|---|---|---|---|---|");
            foreach (var w in report.Windows)
                m.AppendLine($"| {Cell(w.Name)} | {ReportText.Time(w.Start)} | {ReportText.Time(w.End)} | {w.Rrule ?? "-"} | {w.Effect} | {w.ActionsAffected} |");
            m.AppendLine();
        }

        m.AppendLine("## Top anomalous devices").AppendLine();
        if (report.TopDevices.Count == 0) m.AppendLine("None.").AppendLine();
        else
        {
            m.AppendLine("| Device | Zone | Highest score | Incidents | Breaches | Models |").AppendLine("|---|---|---|---|---|---|");
            foreach (var d in report.TopDevices)
                m.AppendLine($"| {Cell(ReportText.Device(d.Ip, d.Hostname))} | {d.Zone ?? "-"} | {ReportText.Score(d.MaxScore)} | {d.Incidents} | {d.Breaches} | {string.Join(", ", d.Models)} |");
            m.AppendLine();
        }

        m.AppendLine("## AI usage").AppendLine();
        if (report.Ai.Services.Count == 0) m.AppendLine("No AI service of the catalogue was reached.").AppendLine();
        else
        {
            m.AppendLine("| Service | Vendor | Sanctioned | Devices | Users | Up | Down | First seen | Last seen |").AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var s in report.Ai.Services)
                m.AppendLine($"| {Cell(s.Name)} | {Cell(s.Vendor)} | {(s.Sanctioned ? "yes" : "**no**")} | {Cell(string.Join(", ", s.Devices.Select(d => ReportText.Device(d.Ip, d.Hostname))))} | {Cell(s.Users.Count == 0 ? "-" : string.Join(", ", s.Users))} | {ReportText.Bytes(s.BytesUp)} | {ReportText.Bytes(s.BytesDown)} | {ReportText.Time(s.FirstSeen)} | {ReportText.Time(s.LastSeen)} |");
            m.AppendLine();
        }
        foreach (var mcp in report.Ai.Mcp)
            m.AppendLine($"- MCP server {mcp.Server}:{mcp.Port}{(mcp.ServerName is null ? "" : $" '{mcp.ServerName}'")}: clients {string.Join(", ", mcp.Clients)}; tools called: {(mcp.Tools.Count == 0 ? "none" : string.Join(", ", mcp.Tools))}");
        return m.ToString();
    }

    private static void Bars(StringBuilder m, IReadOnlyList<ChartBar> bars, string what)
    {
        if (bars.Count == 0)
        {
            m.AppendLine("Nothing in this period.").AppendLine();
            return;
        }
        m.AppendLine($"| {what} | Total | Split |").AppendLine("|---|---|---|");
        foreach (var b in bars) m.AppendLine($"| {b.Label} | {b.Total} | {Cell(string.Join(", ", b.Parts.Select(p => $"{p.Series}: {p.Count}")))} |");
        m.AppendLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
