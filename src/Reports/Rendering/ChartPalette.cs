namespace AutoRespond.Reports.Rendering;

/// <summary>Series colours shared by the SVG and PDF charts (colour-blind friendly, Okabe–Ito), by first appearance.</summary>
internal static class ChartPalette
{
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Series names in first-appearance order with their colours (RGB hex).</summary>
    public static IReadOnlyList<(string Series, string Colour)> For(IEnumerable<Model.ChartBar> bars) =>
        [.. bars.SelectMany(b => b.Parts.Select(p => p.Series)).Distinct(StringComparer.Ordinal)
            .Select((s, i) => (s, Colours[i % Colours.Length]))];

    public static (byte R, byte G, byte B) Rgb(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}
