using System.Globalization;
using System.Net;
using System.Text;
using AutoRespond.Reports.Model;

namespace AutoRespond.Reports.Rendering;

/// <summary>A stacked bar chart as inline SVG (no script, no external resource): bars, a y axis with a few ticks, a legend.</summary>
internal static class SvgChart
{
    public static string Render(string title, IReadOnlyList<ChartBar> bars, int width = 760, int height = 240)
    {
        var palette = ChartPalette.For(bars);
        var colour = palette.ToDictionary(p => p.Series, p => p.Colour, StringComparer.Ordinal);
        const int left = 40, top = 28, bottom = 56, right = 10;
        int plotW = width - left - right, plotH = height - top - bottom;
        int max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Total));
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\">");
        s.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><text x=\"{left}\" y=\"16\" font-size=\"12\" font-weight=\"bold\">{E(title)}</text>");
        foreach (int tick in Ticks(max))
        {
            double y = top + plotH - (double)tick / max * plotH;
            s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotW}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{left - 4}\" y=\"{y + 3:0.#}\" text-anchor=\"end\">{tick}</text>");
        }
        if (bars.Count == 0) s.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotW / 2}\" y=\"{top + plotH / 2}\" text-anchor=\"middle\" fill=\"#666\">nothing in this period</text>");
        double slot = bars.Count == 0 ? 0 : (double)plotW / bars.Count;
        int labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 16.0));
        for (int i = 0; i < bars.Count; i++)
        {
            double x = left + i * slot + slot * 0.15, w = Math.Max(1, slot * 0.7), y = top + plotH;
            foreach (var (series, count) in bars[i].Parts)
            {
                double h = (double)count / max * plotH;
                y -= h;
                s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{colour[series]}\"><title>{E(bars[i].Label)}: {count} {E(series)}</title></rect>");
            }
            if (i % labelEvery == 0)
                s.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + i * slot + slot / 2:0.#}\" y=\"{top + plotH + 12}\" text-anchor=\"middle\">{E(bars[i].Label)}</text>");
        }
        s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{left + plotW}\" y2=\"{top + plotH}\" stroke=\"#333\"/>");
        double lx = left;
        foreach (var (series, c) in palette)
        {
            s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.#}\" y=\"{height - 18}\" width=\"10\" height=\"10\" fill=\"{c}\"/><text x=\"{lx + 14:0.#}\" y=\"{height - 9}\">{E(series)}</text>");
            lx += 24 + series.Length * 6;
        }
        return s.Append("</svg>").ToString();
    }

    internal static IEnumerable<int> Ticks(int max)
    {
        int step = Math.Max(1, (int)Math.Ceiling(max / 4.0));
        for (int t = 0; t <= max; t += step) yield return t;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
