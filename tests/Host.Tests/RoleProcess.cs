using System.Diagnostics;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace AutoRespond.Host.Tests;

/// <summary>
/// A real <c>autorespond ROLE …</c> process on its own bus prefix, with everything it writes (stdout and stderr)
/// collected in <see cref="Log"/>. Disposal kills it if it still runs.
/// </summary>
internal sealed class RoleProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private bool _disposed;

    private RoleProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static RoleProcess Start(string role, string prefix, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "autorespond.dll"), role, .. args]) start.ArgumentList.Add(arg);
        start.Environment["AR_BUS_PREFIX"] = prefix;
        var started = new RoleProcess(Process.Start(start)!);
        started.Process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.Process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.Process.BeginErrorReadLine();
        started.Process.BeginOutputReadLine();
        return started;
    }

    /// <summary>SIGTERM, then waits for the exit (a graceful stop).</summary>
    public async Task TerminateAsync(TimeSpan timeout, CancellationToken ct)
    {
        using (var term = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync(ct);
        await Process.WaitForExitAsync(ct).WaitAsync(timeout, ct);
    }

    /// <summary>Waits until <paramref name="text"/> appears in the log.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            clock.Elapsed.ShouldBeLessThan(timeout, $"no '{text}' in the log:\n{Log}");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>A loopback TCP port nothing listens on (for <c>--health-listen</c>, or a broker that is not there).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Deletes a test's queues and their exchanges from the broker.</summary>
    public static async Task DeleteQueuesAsync(Uri broker, IEnumerable<string> queues)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (string queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(queue);
        }
    }

    /// <summary>Kills the process if it still runs; safe to call more than once (tests stop it early in <c>finally</c>).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
