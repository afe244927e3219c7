using System.Diagnostics;

namespace AutoRespond.Sensor.Tests.Live;

/// <summary>
/// Two hosts in their own network namespaces (A = 198.18.0.1, B = 198.18.0.2, RFC 2544 benchmarking range)
/// joined by a hub (a bridge with ageing 0 in a third namespace, so every frame floods to every port), plus
/// an observer port whose far end stays in this process's namespace with no address: the sensor captures
/// and injects there, and nothing it sends can reach anything but A and B. Disposal deletes all of it.
/// </summary>
internal sealed class HubTopology : IDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];

    public string NsA => $"arA{_id}";
    public string NsB => $"arB{_id}";
    private string NsHub => $"arH{_id}";
    public string Observer => $"arO{_id}";

    public const string AddressA = "198.18.0.1";
    public const string AddressB = "198.18.0.2";

    public static bool CanRun(out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux()) why = "network namespaces need Linux";
        else if (Environment.UserName != "root") why = "creating network namespaces needs root (CI runs as root)";
        else if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip")) why = "iproute2 (ip) is not installed";
        else if (!File.Exists("/usr/bin/python3")) why = "/usr/bin/python3 is needed for the TCP endpoints";
        return why.Length == 0;
    }

    public void Create()
    {
        foreach (string ns in (string[])[NsA, NsB, NsHub])
        {
            Ip($"netns add {ns}");
            Ip($"-n {ns} link set lo up");
        }
        Ip($"-n {NsHub} link add br0 type bridge");
        Ip($"-n {NsHub} link set br0 type bridge ageing_time 0");
        Ip($"link add vA netns {NsA} type veth peer name pA netns {NsHub}");
        Ip($"link add vB netns {NsB} type veth peer name pB netns {NsHub}");
        Ip($"link add {Observer} type veth peer name pO netns {NsHub}");
        Run("sysctl", $"-qw net.ipv6.conf.{Observer}.disable_ipv6=1");
        foreach (string port in (string[])["pA", "pB", "pO"])
        {
            Ip($"-n {NsHub} link set {port} master br0");
            Ip($"-n {NsHub} link set {port} up");
        }
        Ip($"-n {NsHub} link set br0 up");
        Ip($"-n {NsA} addr add {AddressA}/24 dev vA");
        Ip($"-n {NsB} addr add {AddressB}/24 dev vB");
        Ip($"-n {NsA} link set vA up");
        Ip($"-n {NsB} link set vB up");
        Ip($"link set {Observer} up");
    }

    /// <summary>Starts a process inside namespace <paramref name="ns"/> with stdout redirected.</summary>
    public Process Start(string ns, string file, params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["netns", "exec", ns, file, .. args]) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file} in {ns}");
    }

    public void Dispose()
    {
        foreach (string ns in (string[])[NsA, NsB, NsHub]) Run("ip", $"netns del {ns}", check: false);
    }

    private static void Ip(string args) => Run("ip", args);

    private static void Run(string file, string args, bool check = true)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (check && p.ExitCode != 0) throw new InvalidOperationException($"{file} {args}: exit {p.ExitCode}: {error.Trim()}");
    }
}
