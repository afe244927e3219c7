using System.Diagnostics;

namespace AutoRespond.Simulation.Tests.Support;

/// <summary>Runs tshark on a capture; tests skip with a clear message when it is not installed.</summary>
internal static class Tshark
{
    private static readonly Lazy<string?> Executable = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "tshark"))
            .FirstOrDefault(File.Exists));

    /// <summary>Skips the calling test unless tshark is on PATH.</summary>
    public static void Require() =>
        Assert.SkipWhen(Executable.Value is null,
            "tshark is not installed: the packet-validity checks need it (scripts/test.sh installs it via scripts/lib/packages.sh; on Debian: apt-get install tshark)");

    /// <summary>Runs tshark with <paramref name="args"/> and returns stdout; fails the test on a non-zero exit.</summary>
    public static string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable.Value!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"tshark {string.Join(' ', args)}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>One line per displayed packet with the fields, tab-separated (multi-valued fields comma-separated).</summary>
    public static string[][] Fields(string capture, string filter, params string[] fields)
    {
        var args = new List<string> { "-r", capture, "-Y", filter, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (string field in fields) args.AddRange(["-e", field]);
        return Run([.. args]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToArray();
    }
}
