using PdfSharp.Drawing;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Rendering;

/// <summary>The stacked bar chart of <see cref="SvgChart"/> drawn with PDFsharp's XGraphics.</summary>
internal static class PdfChart
{
    public static void Draw(PdfLayout layout, string title, IReadOnlyList<ChartBar> bars, double height = 170)
    {
        layout.Need(height + 10);
        var g = layout.Gfx;
        double left = PdfLayout.Margin + 28, top = layout.Y + 16, plotW = layout.Width - 34, plotH = height - 52;
        g.DrawString(title, layout.Bold, XBrushes.Black, new XRect(PdfLayout.Margin, layout.Y, layout.Width, 12), XStringFormats.TopLeft);
        var palette = ChartPalette.For(bars);
        var brush = palette.ToDictionary(p => p.Series, p =>
        {
            var (r, gr, b) = ChartPalette.Rgb(p.Colour);
            return (XBrush)new XSolidBrush(XColor.FromArgb(r, gr, b));
        }, StringComparer.Ordinal);
        int max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Total));
        foreach (int tick in SvgChart.Ticks(max))
        {
            double y = top + plotH - (double)tick / max * plotH;
            g.DrawLine(new XPen(XColors.LightGray, 0.4), left, y, left + plotW, y);
            g.DrawString(tick.ToString(System.Globalization.CultureInfo.InvariantCulture), layout.Small, XBrushes.Black,
                new XRect(left - 26, y - 4, 22, 8), XStringFormats.TopRight);
        }
        double slot = bars.Count == 0 ? 0 : plotW / bars.Count;
        int labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 10.0));
        for (int i = 0; i < bars.Count; i++)
        {
            double x = left + i * slot + slot * 0.15, w = Math.Max(0.5, slot * 0.7), y = top + plotH;
            foreach (var (series, count) in bars[i].Parts)
            {
                double h = (double)count / max * plotH;
                y -= h;
                g.DrawRectangle(brush[series], x, y, w, h);
            }
            if (i % labelEvery == 0)
                g.DrawString(bars[i].Label, layout.Small, XBrushes.Black, new XRect(left + i * slot - 20, top + plotH + 2, slot + 40, 9), XStringFormats.TopCenter);
        }
        if (bars.Count == 0)
            g.DrawString("nothing in this period", layout.Small, XBrushes.Gray, new XRect(left, top + plotH / 2, plotW, 9), XStringFormats.TopCenter);
        g.DrawLine(new XPen(XColors.Black, 0.6), left, top + plotH, left + plotW, top + plotH);
        double lx = left, ly = top + plotH + 16;
        foreach (var (series, _) in palette)
        {
            g.DrawRectangle(brush[series], lx, ly, 7, 7);
            g.DrawString(series, layout.Small, XBrushes.Black, new XRect(lx + 10, ly - 1, 200, 9), XStringFormats.TopLeft);
            lx += 20 + g.MeasureString(series, layout.Small).Width;
        }
        layout.Y += height;
    }
}
