namespace AutoRespond.TestUtils;

/// <summary>
/// Locates the shared capture corpus: walks up from the test binary to the folder holding AutoRespond.sln,
/// then uses ../shared/data/captures next to the repository.
/// </summary>
public static class Captures
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The captures folder (absolute).</summary>
    public static string Root => RootPath.Value;

    /// <summary>An absolute path inside the captures folder, e.g. <c>Path("scans-failures/masscan-tcp-0-1000.pcap")</c>.</summary>
    public static string Path(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));
    }

    /// <summary>The repository root (the folder containing AutoRespond.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AutoRespond.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new DirectoryNotFoundException($"No AutoRespond.sln above {AppContext.BaseDirectory}");
    }

    private static string FindRoot()
    {
        string root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "data", "captures"));
        return Directory.Exists(root)
            ? root
            : throw new DirectoryNotFoundException($"Capture corpus not found at {root}");
    }
}
