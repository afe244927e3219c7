using AutoRespond.Reports.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AutoRespond.Reports.Rendering;

/// <summary>The report as a PDF (A4, DejaVu Sans), drawn with PDFsharp 6.2.4 (MIT): summary, charts, incidents, action tables, windows, devices, AI usage.</summary>
public static class PdfReportRenderer
{
    public static byte[] Render(ReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        DejaVuFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Creator = "AutoRespond";
        using (var l = new PdfLayout(document))
        {
            l.Heading(report.Title, l.H1, before: 0);
            l.Paragraph($"Period {ReportText.Time(report.From)} to {ReportText.Time(report.To)} UTC; generated {ReportText.Time(report.GeneratedAt)} UTC.");
            var summary = new List<string[]> { new[] { "Incidents", report.Incidents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
            summary.AddRange(ReportText.ActionSections.Select(s => new[] { s.Title, report.ActionsIn(s.Group).Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            summary.Add(["AI services in use", $"{report.Ai.Services.Count} ({report.Ai.Services.Count(s => !s.Sanctioned)} not sanctioned)"]);
            l.Table(["Summary", ""], [0.7, 0.3], summary);

            l.Heading("Incidents", l.H2);
            if (report.Incidents.Count == 0) l.Paragraph("No incident in this period.");
            else l.Table(["Incident", "Device", "Category", "Score", "First seen", "Last seen"], [0.15, 0.27, 0.18, 0.08, 0.16, 0.16],
                report.Incidents.Select(i => new[] { i.Id, ReportText.Device(i.DeviceIp, i.Hostname), i.Category, ReportText.Score(i.Score),
                    ReportText.Time(i.FirstSeen), ReportText.Time(i.LastSeen) }));

            foreach (var (group, title, empty) in ReportText.ActionSections)
            {
                var actions = report.ActionsIn(group);
                l.Heading(title, l.H2);
                if (actions.Count == 0)
                {
                    l.Paragraph(empty);
                    continue;
                }
                // Expiry is in the HTML and Markdown reports; on A4 the reason gets the room.
                l.Table(["Time (UTC)", "Kind", "Target", "State", "Incident", "Window", "Reason"],
                    [0.14, 0.15, 0.13, 0.15, 0.15, 0.09, 0.19],
                    actions.Select(a => new[] { ReportText.Time(a.CreatedAt), a.Kind, a.Target, a.State, a.IncidentId, a.Window ?? "-", a.Reason }));
            }

            l.Need(400); // the heading and both charts stay together
            l.Heading("Charts", l.H2);
            PdfChart.Draw(l, "Incidents over time", report.IncidentsOverTime);
            PdfChart.Draw(l, "Actions by kind", report.ActionsByKind);

            l.Heading("Incident narratives", l.H2);
            if (report.Incidents.Count == 0) l.Paragraph("No incident in this period.");
            foreach (var i in report.Incidents)
            {
                l.Paragraph($"{i.Id}: {ReportText.Device(i.DeviceIp, i.Hostname)} · {i.Category} · score {ReportText.Score(i.Score)}", l.Bold);
                l.Paragraph($"{ReportText.Time(i.FirstSeen)} to {ReportText.Time(i.LastSeen)} UTC · zone {i.Zone ?? "-"} · state {i.State} · models {string.Join(", ", i.Models)} · ATT&CK {string.Join(", ", i.Attack)}", l.Small);
                l.Paragraph(i.Narrative, l.Small);
            }

            l.Heading("Change windows used", l.H2);
            if (report.Windows.Count == 0) l.Paragraph("No change window was open or applied.");
            else l.Table(["Window", "Start", "End", "Repeats", "Effect", "Actions"], [0.25, 0.15, 0.15, 0.2, 0.13, 0.12],
                report.Windows.Select(w => new[] { w.Name, ReportText.Time(w.Start), ReportText.Time(w.End), w.Rrule ?? "-", w.Effect, w.ActionsAffected.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

            l.Heading("Top anomalous devices", l.H2);
            if (report.TopDevices.Count == 0) l.Paragraph("None.");
            else l.Table(["Device", "Zone", "Score", "Incidents", "Breaches", "Models"], [0.22, 0.12, 0.08, 0.09, 0.09, 0.4],
                report.TopDevices.Select(d => new[] { ReportText.Device(d.Ip, d.Hostname), d.Zone ?? "-", ReportText.Score(d.MaxScore),
                    d.Incidents.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Breaches.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", d.Models) }));

            l.Heading("AI usage", l.H2);
            if (report.Ai.Services.Count == 0) l.Paragraph("No AI service of the catalogue was reached.");
            else l.Table(["Service", "Vendor", "Sanctioned", "Devices", "Up", "Down", "First seen", "Last seen"], [0.15, 0.12, 0.09, 0.24, 0.08, 0.08, 0.12, 0.12],
                report.Ai.Services.Select(s => new[] { s.Name, s.Vendor, s.Sanctioned ? "yes" : "NO",
                    string.Join(", ", s.Devices.Select(d => ReportText.Device(d.Ip, d.Hostname))), ReportText.Bytes(s.BytesUp), ReportText.Bytes(s.BytesDown),
                    ReportText.Time(s.FirstSeen), ReportText.Time(s.LastSeen) }));
            foreach (var m in report.Ai.Mcp)
                l.Paragraph($"MCP server {m.Server}:{m.Port}{(m.ServerName is null ? "" : $" '{m.ServerName}'")}: clients {string.Join(", ", m.Clients)}; tools called: {(m.Tools.Count == 0 ? "none" : string.Join(", ", m.Tools))}");
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
