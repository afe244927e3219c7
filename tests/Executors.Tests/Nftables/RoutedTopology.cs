using System.Diagnostics;

namespace AutoRespond.Executors.Tests.Nftables;

/// <summary>
/// Host A (198.18.1.2) and host B (198.19.1.2), each in its own network namespace, routed through a third namespace R
/// (198.18.1.1 / 198.19.1.1) — the firewall the nftables executor works on (<c>netns: R</c>, forward chain). All
/// addresses are in 198.18.0.0/15 (RFC 2544); nothing leaves the namespaces the test creates. <see cref="Dispose"/>
/// kills the processes started here and deletes the namespaces (their nftables tables go with them), also after a
/// failed test. Follows the pattern of the sensor's live tests (tests/Sensor.Tests/Live/HubTopology.cs).
/// </summary>
internal sealed class RoutedTopology : IDisposable
{
    public const string AddressA = "198.18.1.2";
    public const string AddressB = "198.19.1.2";
    public const int Port = 7001;

    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Process> _processes = [];

    public string NsA => $"arnA{_id}";
    public string NsB => $"arnB{_id}";
    public string NsRouter => $"arnR{_id}";

    public static bool CanRun(out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux()) why = "network namespaces need Linux";
        else if (Environment.UserName != "root") why = "creating network namespaces and nftables tables needs root (CI runs as root)";
        else if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip")) why = "iproute2 (ip) is not installed";
        else if (!File.Exists("/usr/sbin/nft") && !File.Exists("/sbin/nft")) why = "nftables (nft) is not installed";
        else if (!File.Exists("/usr/bin/python3")) why = "/usr/bin/python3 is needed for the TCP endpoints";
        return why.Length == 0;
    }

    public void Create()
    {
        foreach (string ns in (string[])[NsA, NsB, NsRouter])
        {
            Run("ip", "netns", "add", ns);
            Run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        Run("ip", "link", "add", "vA", "netns", NsA, "type", "veth", "peer", "name", "rA", "netns", NsRouter);
        Run("ip", "link", "add", "vB", "netns", NsB, "type", "veth", "peer", "name", "rB", "netns", NsRouter);
        Run("ip", "-n", NsA, "addr", "add", $"{AddressA}/24", "dev", "vA");
        Run("ip", "-n", NsB, "addr", "add", $"{AddressB}/24", "dev", "vB");
        Run("ip", "-n", NsRouter, "addr", "add", "198.18.1.1/24", "dev", "rA");
        Run("ip", "-n", NsRouter, "addr", "add", "198.19.1.1/24", "dev", "rB");
        foreach (var (ns, dev) in (ReadOnlySpan<(string, string)>)[(NsA, "vA"), (NsB, "vB"), (NsRouter, "rA"), (NsRouter, "rB")])
            Run("ip", "-n", ns, "link", "set", dev, "up");
        Run("ip", "-n", NsA, "route", "add", "default", "via", "198.18.1.1");
        Run("ip", "-n", NsB, "route", "add", "default", "via", "198.19.1.1");
        Run("ip", "netns", "exec", NsRouter, "sysctl", "-qw", "net.ipv4.ip_forward=1");
    }

    /// <summary>A TCP listener on B:<see cref="Port"/> (the kernel completes the handshakes; nothing needs accepting).</summary>
    public async Task StartServerAsync(CancellationToken ct)
    {
        var server = Start(NsB, "/usr/bin/python3", "-c",
            $"import socket, time\ns = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + $"s.bind(('{AddressB}', {Port})); s.listen(128); print('LISTEN', flush=True)\ntime.sleep(300)");
        string? line = await server.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
        if (line != "LISTEN")
            throw new InvalidOperationException($"the TCP server in {NsB} did not start: {line}");
    }

    /// <summary>True when A can open a TCP connection to B within one second.</summary>
    public async Task<bool> ConnectsAsync(CancellationToken ct)
    {
        using var client = Start(NsA, "/usr/bin/python3", "-c",
            $"import socket\nsocket.create_connection(('{AddressB}', {Port}), timeout=1).close()\nprint('OK', flush=True)");
        string output = await client.StandardOutput.ReadToEndAsync(ct);
        await client.WaitForExitAsync(ct);
        _processes.Remove(client);
        return client.ExitCode == 0 && output.Trim() == "OK";
    }

    /// <summary>Runs nft in the router namespace; returns stdout (throws on a non-zero exit).</summary>
    public string NftInRouter(params string[] args) => Run(["ip", "netns", "exec", NsRouter, "nft", .. args]);

    public void Dispose()
    {
        foreach (var process in _processes)
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
            process.Dispose();
        }
        foreach (string ns in (string[])[NsA, NsB, NsRouter])
            Run(["ip", "netns", "del", ns], check: false);
    }

    private Process Start(string ns, string file, params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["netns", "exec", ns, file, .. args])
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file} in {ns}");
        _processes.Add(process);
        return process;
    }

    private static string Run(params string[] args) => Run(args, check: true);

    private static string Run(string[] args, bool check)
    {
        var start = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args[1..])
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (check && p.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', args)}: exit {p.ExitCode}: {error.Trim()}");
        return output;
    }
}
