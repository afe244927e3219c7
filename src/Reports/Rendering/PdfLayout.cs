using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AutoRespond.Reports.Rendering;

/// <summary>A top-to-bottom flow on A4 pages: headings, wrapped paragraphs and tables, with page breaks and page numbers.</summary>
internal sealed class PdfLayout : IDisposable
{
    public const double Margin = 40;
    private readonly PdfDocument _document;
    private XGraphics? _gfx;
    private PdfPage? _page;

    public PdfLayout(PdfDocument document)
    {
        _document = document;
        Regular = new XFont(DejaVuFontResolver.Family, 9);
        Small = new XFont(DejaVuFontResolver.Family, 7.5);
        Bold = new XFont(DejaVuFontResolver.Family, 9, XFontStyleEx.Bold);
        H1 = new XFont(DejaVuFontResolver.Family, 18, XFontStyleEx.Bold);
        H2 = new XFont(DejaVuFontResolver.Family, 13, XFontStyleEx.Bold);
        NewPage();
    }

    public XFont Regular { get; }
    public XFont Small { get; }
    public XFont Bold { get; }
    public XFont H1 { get; }
    public XFont H2 { get; }
    public double Y { get; set; }
    public XGraphics Gfx => _gfx!;
    public double Width => _page!.Width.Point - 2 * Margin;
    private double Bottom => _page!.Height.Point - Margin;

    /// <summary>Starts a new page when fewer than <paramref name="height"/> points are left.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    public void Heading(string text, XFont font, double before = 10)
    {
        Need(before + font.Height * 3);
        Y += before;
        Gfx.DrawString(text, font, XBrushes.Black, new XRect(Margin, Y, Width, font.Height), XStringFormats.TopLeft);
        Y += font.Height + 4;
    }

    public void Paragraph(string text, XFont? font = null, XBrush? brush = null)
    {
        font ??= Regular;
        foreach (string line in Wrap(text, font, Width))
        {
            Need(font.Height + 1);
            Gfx.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, Y, Width, font.Height), XStringFormats.TopLeft);
            Y += font.Height + 1;
        }
        Y += 3;
    }

    /// <summary>A table with a shaded header row; cells wrap within their column (<paramref name="widths"/> are fractions).</summary>
    public void Table(string[] header, double[] widths, IEnumerable<string[]> rows)
    {
        var columns = widths.Select(w => w * Width).ToArray();
        Row(header, columns, Bold, shaded: true);
        foreach (var row in rows) Row(row, columns, Small, shaded: false);
        Y += 6;
    }

    private void Row(string[] cells, double[] columns, XFont font, bool shaded)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, font, columns[i] - 4).ToList()).ToList();
        double height = wrapped.Max(w => w.Count) * (font.Height + 0.5) + 4;
        Need(height);
        double x = Margin;
        for (int i = 0; i < columns.Length; i++)
        {
            var cell = new XRect(x, Y, columns[i], height);
            if (shaded) Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 235, 235)), cell);
            Gfx.DrawRectangle(new XPen(XColors.Gray, 0.4), cell);
            double ty = Y + 2;
            foreach (string line in wrapped[i])
            {
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(x + 2, ty, columns[i] - 4, font.Height), XStringFormats.TopLeft);
                ty += font.Height + 0.5;
            }
            x += columns[i];
        }
        Y += height;
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is cut.</summary>
    public IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (string paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : line + " " + word;
                if (Gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) yield return line;
                line = word;
                while (line.Length > 1 && Gfx.MeasureString(line, font).Width > width)
                {
                    int cut = Math.Max(1, (int)(line.Length * width / Gfx.MeasureString(line, font).Width) - 1);
                    yield return line[..cut];
                    line = line[cut..];
                }
            }
            yield return line;
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        Y = Margin;
        Gfx.DrawString($"page {_document.PageCount}", Small, XBrushes.Gray,
            new XRect(Margin, _page.Height.Point - Margin + 12, Width, 10), XStringFormats.TopRight);
    }

    public void Dispose() => _gfx?.Dispose();
}
