using System.Text;
using AutoRespond.Configuration;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Rendering;

/// <summary>One entry point for the three formats: the bytes of a file and its extension.</summary>
public static class ReportRenderer
{
    public static byte[] Render(ReportModel report, ReportFormat format) => format switch
    {
        ReportFormat.Html => Encoding.UTF8.GetBytes(HtmlReportRenderer.Render(report)),
        ReportFormat.Markdown => Encoding.UTF8.GetBytes(MarkdownReportRenderer.Render(report)),
        _ => PdfReportRenderer.Render(report),
    };

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => ".html",
        ReportFormat.Markdown => ".md",
        _ => ".pdf",
    };

    public static string MediaType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html",
        ReportFormat.Markdown => "text/markdown",
        _ => "application/pdf",
    };
}
