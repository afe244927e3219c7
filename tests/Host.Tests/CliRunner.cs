using System.Diagnostics;
using AutoRespond.Host.Cli;

namespace AutoRespond.Host.Tests;

/// <summary>Runs the command line in process (fast) or as the real executable (for stdout purity and exit codes).</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task<Result> InProcessAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await AutoRespondCli.RunAsync(args, new CliConsole(stdout, stderr), TestContext.Current.CancellationToken);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the built autorespond.dll with `dotnet`, exactly as a user would run the program.</summary>
    public static Task<Result> ProcessAsync(params string[] args) => ProcessAsync(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="ProcessAsync(string[])"/>, with extra environment variables (secrets named by a config).</summary>
    public static async Task<Result> ProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "autorespond.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static string TempFile(string name, string content)
    {
        string dir = Directory.CreateTempSubdirectory("ar-host-").FullName;
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
