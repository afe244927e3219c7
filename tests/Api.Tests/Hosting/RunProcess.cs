using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace AutoRespond.Api.Tests.Hosting;

/// <summary>
/// <c>autorespond run</c> as a real process (the program as built in src/Host): waits for "listening on", gives an
/// authenticated client, stops it with a signal. Disposal kills it if it is still running.
/// </summary>
internal sealed partial class RunProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunProcess(Process process) => _process = process;

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public static async Task<(RunProcess Run, HttpClient Client)> StartAsync(IReadOnlyDictionary<string, string> environment, string apiKey,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])[HostDll(), "run", .. args]) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var run = new RunProcess(Process.Start(start)!);
        run._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (run._stderr) run._stderr.AppendLine(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) run._listening.TrySetResult(m.Groups[1].Value);
        };
        run._process.BeginErrorReadLine();
        run._process.BeginOutputReadLine();
        string url;
        try
        {
            url = await run._listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            await run.DisposeAsync();
            throw new InvalidOperationException("run did not start listening: " + run.Stderr);
        }
        var client = new HttpClient { BaseAddress = new Uri(url + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return (run, client);
    }

    /// <summary>Sends the signal (<c>-TERM</c>, <c>-INT</c>) and returns the exit code.</summary>
    public async Task<int> StopAsync(string signal = "-TERM")
    {
        using (var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The program as built in src/Host (see <see cref="RunCommandTests"/>).</summary>
    private static string HostDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(AutoRespond.TestUtils.Captures.RepositoryRoot(), "src", "Host", "bin", bin.Parent!.Name, bin.Name, "autorespond.dll");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
