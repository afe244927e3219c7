using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AutoRespond.Bench.RstLatency;

/// <summary>
/// The rst-latency bench's wire: a hub (a bridge with ageing 0 in its own namespace, so every frame floods to every
/// port) joining client namespace A (one address per connection, 198.18.1.1, 198.18.1.2, …), server namespace B
/// (198.19.0.1) and two address-less ports whose far ends stay in this process's namespace: the sensor's port
/// (capture + injection) and a wire port that only records. Everything is in 198.18.0.0/15; disposal deletes the
/// namespaces (the veth ends in this namespace go with their peers), and so does process exit or Ctrl-C.
/// </summary>
internal sealed class RstTopology : IDisposable
{
    private readonly string _id = Environment.ProcessId.ToString("x", CultureInfo.InvariantCulture);
    private int _disposed;

    public RstTopology() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();

    public string NsA => $"rlA{_id}";
    public string NsB => $"rlB{_id}";
    private string NsHub => $"rlH{_id}";

    /// <summary>The sensor's interface (captures, injects RSTs).</summary>
    public string Sensor => $"rlS{_id}";

    /// <summary>The recording interface: the "wire" every latency is measured on.</summary>
    public string Wire => $"rlW{_id}";

    public const string Server = "198.19.0.1";
    public const int Port = 7000;

    /// <summary>Client address of connection <paramref name="i"/> (one device per connection).</summary>
    public static string Client(int i) => string.Create(CultureInfo.InvariantCulture, $"198.18.{1 + i / 250}.{1 + i % 250}");

    public static bool CanRun(out string why)
    {
        why = "";
        if (!OperatingSystem.IsLinux()) why = "network namespaces need Linux";
        else if (Environment.UserName != "root") why = "creating network namespaces needs root";
        else if (!File.Exists("/usr/bin/python3")) why = "/usr/bin/python3 is needed for the TCP endpoints";
        return why.Length == 0;
    }

    public void Create(int clients)
    {
        if (clients is < 1 or > 60_000) throw new ArgumentOutOfRangeException(nameof(clients));
        foreach (string ns in (string[])[NsA, NsB, NsHub])
        {
            Run("ip", $"netns add {ns}");
            Run("ip", $"-n {ns} link set lo up");
        }
        Run("ip", $"-n {NsHub} link add br0 type bridge");
        Run("ip", $"-n {NsHub} link set br0 type bridge ageing_time 0");
        Run("ip", $"link add vA netns {NsA} type veth peer name pA netns {NsHub}");
        Run("ip", $"link add vB netns {NsB} type veth peer name pB netns {NsHub}");
        Run("ip", $"link add {Sensor} type veth peer name pS netns {NsHub}");
        Run("ip", $"link add {Wire} type veth peer name pW netns {NsHub}");
        foreach (string local in (string[])[Sensor, Wire])
            Run("sysctl", $"-qw net.ipv6.conf.{local}.disable_ipv6=1");
        foreach (string port in (string[])["pA", "pB", "pS", "pW"])
        {
            Run("ip", $"-n {NsHub} link set {port} master br0");
            Run("ip", $"-n {NsHub} link set {port} up");
        }
        Run("ip", $"-n {NsHub} link set br0 up");
        var batch = new StringBuilder();
        for (int i = 0; i < clients; i++) batch.Append(CultureInfo.InvariantCulture, $"addr add {Client(i)}/15 dev vA\n");
        Run("ip", $"-n {NsA} -batch -", batch.ToString());
        Run("ip", $"-n {NsB} addr add {Server}/15 dev vB");
        Run("ip", $"-n {NsA} link set vA up");
        Run("ip", $"-n {NsB} link set vB up");
        Run("ip", $"link set {Sensor} up");
        Run("ip", $"link set {Wire} up");
    }

    /// <summary>Starts a process inside namespace <paramref name="ns"/>, stdin/stdout redirected.</summary>
    public static Process Start(string ns, string file, params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in (string[])["netns", "exec", ns, file, .. args]) start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file} in {ns}");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (string ns in (string[])[NsA, NsB, NsHub]) Run("ip", $"netns del {ns}", check: false);
    }

    private static void Run(string file, string args, string? input = null, bool check = true)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = input is not null,
        })!;
        if (input is not null)
        {
            p.StandardInput.Write(input);
            p.StandardInput.Close();
        }
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (check && p.ExitCode != 0) throw new InvalidOperationException($"{file} {args}: exit {p.ExitCode}: {error.Trim()}");
    }
}
