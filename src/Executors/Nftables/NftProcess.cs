using System.ComponentModel;
using System.Diagnostics;
using AutoRespond.Executors.Common;

namespace AutoRespond.Executors.Nftables;

/// <summary>
/// Runs <c>nft</c> — inside network namespace <c>netns</c> through <c>ip netns exec NAME nft …</c> when one is
/// configured — with arguments passed one by one (no shell), JSON on stdin, and a deadline after which the process
/// is killed.
/// </summary>
internal sealed class NftProcess(string? netns, TimeSpan timeout)
{
    private static readonly string[] NftPaths = ["/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft", "/bin/nft"];
    private static readonly string[] IpPaths = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"];

    /// <summary>The nft binary, or null when it is not installed.</summary>
    public static string? FindNft() => NftPaths.FirstOrDefault(File.Exists);

    /// <summary>The ip binary (iproute2), or null when it is not installed.</summary>
    public static string? FindIp() => IpPaths.FirstOrDefault(File.Exists);

    public string Describe => netns is null ? "nft" : $"ip netns exec {netns} nft";

    /// <summary>Runs nft with <paramref name="args"/>; stdout, stderr and the exit code come back, a failure to start throws.</summary>
    public async Task<NftResult> RunAsync(IReadOnlyList<string> args, string? stdin, CancellationToken ct)
    {
        string nft = FindNft() ?? throw new TargetAnswerException("nft is not installed (package nftables)");
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (netns is null)
        {
            start.FileName = nft;
        }
        else
        {
            start.FileName = FindIp() ?? throw new TargetAnswerException("ip (iproute2) is not installed; it is needed for netns " + netns);
            foreach (string a in (string[])["netns", "exec", netns, nft])
                start.ArgumentList.Add(a);
        }
        foreach (string a in args)
            start.ArgumentList.Add(a);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new TargetAnswerException($"cannot start {Describe}: {e.Message}", e);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                if (stdin is not null)
                    await process.StandardInput.WriteAsync(stdin.AsMemory(), deadline.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // it exited before reading its input (ip netns exec of a missing namespace): its stderr says why
            }
            await process.WaitForExitAsync(deadline.Token);
            return new NftResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (ct.IsCancellationRequested)
                throw;
            throw new TargetAnswerException($"{Describe} did not finish within {timeout.TotalSeconds:0.#} s; killed");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}

/// <summary>What one nft run returned.</summary>
internal sealed record NftResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Ok => ExitCode == 0;

    /// <summary>nft's answer for a missing table, set or element
    /// (<c>Error: No such file or directory</c>; not ip's "Cannot open network namespace …: No such file or directory").</summary>
    public bool NotFound => ExitCode == 1
        && (Stderr.Contains("Error: No such file or directory", StringComparison.Ordinal)
            || Stderr.Contains("Could not process rule: No such file or directory", StringComparison.Ordinal));

    /// <summary>The line of stderr that says what went wrong (nft's "Error: …", else the first line).</summary>
    public string Error
    {
        get
        {
            var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? line = lines.FirstOrDefault(l => l.Contains("Error", StringComparison.Ordinal)) ?? lines.FirstOrDefault();
            return line is null ? $"exit code {ExitCode}" : $"{line} (exit code {ExitCode})";
        }
    }
}
