using PdfSharp.Fonts;

namespace AutoRespond.Reports.Rendering;

/// <summary>
/// PDFsharp on Linux has no font source of its own: this resolver serves DejaVu Sans (regular and bold) from the
/// Debian package fonts-dejavu-core. Every family name maps to it, so the PDF never depends on fonts the machine lacks.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly object Gate = new();
    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts/dejavu"];

    private DejaVuFontResolver()
    {
    }

    /// <summary>Installs the resolver once per process (PDFsharp allows a single global resolver).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFontResolver) return;
            if (Find("DejaVuSans.ttf") is null)
                throw new InvalidOperationException("PDF reports need the DejaVu fonts (Debian package fonts-dejavu-core) in "
                    + string.Join(" or ", Folders));
            GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName) => Find(faceName + ".ttf") is { } path ? File.ReadAllBytes(path) : null;

    private static string? Find(string file) =>
        Folders.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists);
}
