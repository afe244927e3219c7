using System.Net;
using System.Text;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Rendering;

/// <summary>The report as one self-contained HTML page: inline CSS and SVG charts, no script, nothing fetched.</summary>
public static class HtmlReportRenderer
{
    public static string Render(ReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Title)).Append("</title><style>")
            .Append("body{font-family:'DejaVu Sans',sans-serif;font-size:13px;margin:24px;color:#222}h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #ccc;margin-top:28px}")
            .Append("table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f0f0f0}")
            .Append(".bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20}.narrative{margin:4px 0 14px 0}.summary td{border:none}</style></head><body>");
        h.Append("<h1>").Append(E(report.Title)).Append("</h1><p>Period ").Append(ReportText.Time(report.From)).Append(" to ")
            .Append(ReportText.Time(report.To)).Append(" UTC &middot; generated ").Append(ReportText.Time(report.GeneratedAt)).Append(" UTC</p>");
        h.Append("<h2>Summary</h2><table class=\"summary\"><tr><td>Incidents</td><td>").Append(report.Incidents.Count).Append("</td></tr>");
        foreach (var (group, title, _) in ReportText.ActionSections)
            h.Append("<tr><td>").Append(E(title)).Append("</td><td>").Append(report.ActionsIn(group).Count).Append("</td></tr>");
        h.Append("<tr><td>AI services in use</td><td>").Append(report.Ai.Services.Count).Append(" (")
            .Append(report.Ai.Services.Count(s => !s.Sanctioned)).Append(" not sanctioned)</td></tr></table>");
        h.Append("<h2>Charts</h2>").Append(SvgChart.Render("Incidents over time", report.IncidentsOverTime))
            .Append(SvgChart.Render("Actions by kind", report.ActionsByKind));

        h.Append("<h2>Incidents</h2>");
        if (report.Incidents.Count == 0) h.Append("<p>No incident in this period.</p>");
        foreach (var i in report.Incidents)
        {
            h.Append("<h3>").Append(E(i.Id)).Append(": ").Append(E(ReportText.Device(i.DeviceIp, i.Hostname))).Append(" &middot; ")
                .Append(E(i.Category)).Append(" &middot; score ").Append(ReportText.Score(i.Score)).Append("</h3><p>")
                .Append(ReportText.Time(i.FirstSeen)).Append(" to ").Append(ReportText.Time(i.LastSeen)).Append(" UTC &middot; zone ")
                .Append(E(i.Zone ?? "-")).Append(" &middot; state ").Append(E(i.State)).Append(" &middot; models ")
                .Append(E(string.Join(", ", i.Models))).Append(" &middot; ATT&amp;CK ").Append(E(string.Join(", ", i.Attack)))
                .Append("</p><p class=\"narrative\">").Append(E(i.Narrative)).Append("</p>");
        }

        foreach (var (group, title, empty) in ReportText.ActionSections)
        {
            var actions = report.ActionsIn(group);
            h.Append("<h2>").Append(E(title)).Append("</h2>");
            if (actions.Count == 0)
            {
                h.Append("<p>").Append(E(empty)).Append("</p>");
                continue;
            }
            h.Append("<table class=\"actions\"><tr><th>Time (UTC)</th><th>Action</th><th>Kind</th><th>Target</th><th>State</th><th>Incident</th><th>Window</th><th>Expires</th><th>Reason</th></tr>");
            foreach (var a in actions)
                h.Append("<tr><td>").Append(ReportText.Time(a.CreatedAt)).Append("</td><td>").Append(E(a.Id)).Append("</td><td>").Append(E(a.Kind))
                    .Append("</td><td>").Append(E(a.Target)).Append("</td><td>").Append(E(a.State)).Append("</td><td>").Append(E(a.IncidentId))
                    .Append("</td><td>").Append(E(a.Window ?? "-")).Append("</td><td>").Append(ReportText.Time(a.ExpiresAt)).Append("</td><td>")
                    .Append(E(a.Reason)).Append("</td></tr>");
            h.Append("</table>");
        }

        h.Append("<h2>Change windows used</h2>");
        if (report.Windows.Count == 0) h.Append("<p>No change window was open or applied.</p>");
        else
        {
            h.Append("<table><tr><th>Window</th><th>Start</th><th>End</th><th>Repeats</th><th>Effect</th><th>Actions affected</th></tr>");
            foreach (var w in report.Windows)
                h.Append("<tr><td>").Append(E(w.Name)).Append("</td><td>").Append(ReportText.Time(w.Start)).Append("</td><td>").Append(ReportText.Time(w.End))
                    .Append("</td><td>").Append(E(w.Rrule ?? "-")).Append("</td><td>").Append(E(w.Effect)).Append("</td><td>").Append(w.ActionsAffected).Append("</td></tr>");
            h.Append("</table>");
        }

        h.Append("<h2>Top anomalous devices</h2>");
        if (report.TopDevices.Count == 0) h.Append("<p>None.</p>");
        else
        {
            h.Append("<table><tr><th>Device</th><th>Zone</th><th>Highest score</th><th>Incidents</th><th>Breaches</th><th>Models</th></tr>");
            foreach (var d in report.TopDevices)
                h.Append("<tr><td>").Append(E(ReportText.Device(d.Ip, d.Hostname))).Append("</td><td>").Append(E(d.Zone ?? "-")).Append("</td><td>")
                    .Append(ReportText.Score(d.MaxScore)).Append("</td><td>").Append(d.Incidents).Append("</td><td>").Append(d.Breaches).Append("</td><td>")
                    .Append(E(string.Join(", ", d.Models))).Append("</td></tr>");
            h.Append("</table>");
        }

        h.Append("<h2>AI usage</h2>");
        if (report.Ai.Services.Count == 0) h.Append("<p>No AI service of the catalogue was reached.</p>");
        else
        {
            h.Append("<table><tr><th>Service</th><th>Vendor</th><th>Sanctioned</th><th>Devices</th><th>Users</th><th>Up</th><th>Down</th><th>First seen</th><th>Last seen</th></tr>");
            foreach (var s in report.Ai.Services)
                h.Append("<tr><td>").Append(E(s.Name)).Append("</td><td>").Append(E(s.Vendor)).Append("</td><td class=\"").Append(s.Sanctioned ? "ok\">yes" : "bad\">no")
                    .Append("</td><td>").Append(E(string.Join(", ", s.Devices.Select(d => ReportText.Device(d.Ip, d.Hostname))))).Append("</td><td>")
                    .Append(E(s.Users.Count == 0 ? "-" : string.Join(", ", s.Users))).Append("</td><td>").Append(ReportText.Bytes(s.BytesUp)).Append("</td><td>")
                    .Append(ReportText.Bytes(s.BytesDown)).Append("</td><td>").Append(ReportText.Time(s.FirstSeen)).Append("</td><td>").Append(ReportText.Time(s.LastSeen)).Append("</td></tr>");
            h.Append("</table>");
        }
        foreach (var m in report.Ai.Mcp)
            h.Append("<p>MCP server ").Append(E($"{m.Server}:{m.Port}")).Append(m.ServerName is null ? "" : $" &lsquo;{E(m.ServerName)}&rsquo;").Append(": clients ")
                .Append(E(string.Join(", ", m.Clients))).Append("; tools called: ").Append(E(m.Tools.Count == 0 ? "none" : string.Join(", ", m.Tools))).Append("</p>");
        return h.Append("</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
