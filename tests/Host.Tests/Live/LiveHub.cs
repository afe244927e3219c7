using System.Diagnostics;

namespace AutoRespond.Host.Tests.Live;

/// <summary>
/// Hosts A (198.18.0.1) and B (198.18.0.2) in their own network namespaces, joined by a hub (a bridge with ageing 0 in a
/// third namespace, so every frame floods to every port), plus an observer port whose far end stays in this namespace
/// with no address: <c>autorespond run --interface</c> captures and injects there, and nothing it sends can reach
/// anything but A and B (RFC 2544 addresses). Disposal kills the processes started here and deletes the namespaces.
/// Follows tests/Sensor.Tests/Live/HubTopology.cs.
/// </summary>
internal sealed class LiveHub : IDisposable
{
    public const string AddressA = "198.18.0.1";
    public const string AddressB = "198.18.0.2";

    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly List<Process> _processes = [];

    public string NsA => $"arlA{_id}";
    public string NsB => $"arlB{_id}";
    private string NsHub => $"arlH{_id}";
    public string Observer => $"arlO{_id}";

    public static bool CanRun(out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux()) why = "network namespaces need Linux";
        else if (Environment.UserName != "root") why = "creating network namespaces and capturing live needs root (CI runs as root)";
        else if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip")) why = "iproute2 (ip) is not installed";
        else if (!File.Exists("/usr/bin/python3")) why = "/usr/bin/python3 is needed for the TCP endpoints";
        return why.Length == 0;
    }

    public void Create()
    {
        foreach (string ns in (string[])[NsA, NsB, NsHub])
        {
            Run("ip", "netns", "add", ns);
            Run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        Run("ip", "-n", NsHub, "link", "add", "br0", "type", "bridge");
        Run("ip", "-n", NsHub, "link", "set", "br0", "type", "bridge", "ageing_time", "0");
        Run("ip", "link", "add", "vA", "netns", NsA, "type", "veth", "peer", "name", "pA", "netns", NsHub);
        Run("ip", "link", "add", "vB", "netns", NsB, "type", "veth", "peer", "name", "pB", "netns", NsHub);
        Run("ip", "link", "add", Observer, "type", "veth", "peer", "name", "pO", "netns", NsHub);
        Run("sysctl", "-qw", $"net.ipv6.conf.{Observer}.disable_ipv6=1");
        foreach (string port in (string[])["pA", "pB", "pO"])
        {
            Run("ip", "-n", NsHub, "link", "set", port, "master", "br0");
            Run("ip", "-n", NsHub, "link", "set", port, "up");
        }
        Run("ip", "-n", NsHub, "link", "set", "br0", "up");
        Run("ip", "-n", NsA, "addr", "add", $"{AddressA}/24", "dev", "vA");
        Run("ip", "-n", NsB, "addr", "add", $"{AddressB}/24", "dev", "vB");
        Run("ip", "-n", NsA, "link", "set", "vA", "up");
        Run("ip", "-n", NsB, "link", "set", "vB", "up");
        Run("ip", "link", "set", Observer, "up");
    }

    /// <summary>Starts a process inside namespace <paramref name="ns"/> with stdout redirected; killed on disposal.</summary>
    public Process Start(string ns, string file, params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["netns", "exec", ns, file, .. args]) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file} in {ns}");
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
        foreach (string ns in (string[])[NsA, NsB, NsHub]) Run(["ip", "netns", "del", ns], check: false);
    }

    private static void Run(params string[] args) => Run(args, check: true);

    private static void Run(string[] args, bool check)
    {
        var start = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args[1..]) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (check && p.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)}: exit {p.ExitCode}: {error.Trim()}");
    }
}
