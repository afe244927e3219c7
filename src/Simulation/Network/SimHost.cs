using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Simulation.Network;

/// <summary>The network stack a host runs: it sets the TTL, the ephemeral port range and the delayed-ACK timer.</summary>
internal enum HostStack
{
    Windows,
    Linux,
    Plc,
}

/// <summary>
/// A host on the simulated network. Internal hosts sit on a VLAN behind the capture point (a trunk SPAN port);
/// external hosts (<see cref="Vlan"/> = -1) are reached through the router. Each host keeps its own IP id and
/// ephemeral port counters, so one instance belongs to one simulation run.
/// </summary>
internal sealed class SimHost
{
    private ushort _ipId;
    private int _nextPort;

    /// <param name="name">Host name (DHCP option 12, DNS, logs).</param>
    /// <param name="ip">IPv4 address.</param>
    /// <param name="mac">MAC address; ignored for external hosts (their frames carry the router's).</param>
    /// <param name="vlan">802.1Q VLAN id, or -1 for a host on the internet.</param>
    /// <param name="stack">Network stack.</param>
    /// <param name="latency">One-way delay between the capture point and the host.</param>
    public SimHost(string name, string ip, string mac, int vlan, HostStack stack, TimeSpan latency)
    {
        Name = name;
        Ip = ip;
        Address = IpAddr.Parse(ip);
        Mac = MacAddress.Parse(mac);
        Vlan = vlan;
        Stack = stack;
        Latency = latency;
        uint h = Address.V4 * 2654435761u;
        _ipId = (ushort)(h >> 16);
        _nextPort = stack == HostStack.Linux ? 32768 + (int)(h % 20000) : 49152 + (int)(h % 10000);
    }

    public string Name { get; }

    public string Ip { get; }

    public IpAddr Address { get; }

    public MacAddress Mac { get; }

    public int Vlan { get; }

    public HostStack Stack { get; }

    public TimeSpan Latency { get; }

    public bool IsExternal => Vlan < 0;

    public byte Ttl => (byte)(IsExternal ? (Stack == HostStack.Windows ? 113 : 51) : Stack switch
    {
        HostStack.Windows => 128,
        HostStack.Plc => 30,
        _ => 64,
    });

    /// <summary>How long the host waits before acknowledging data it has nothing to answer to.</summary>
    public TimeSpan DelayedAck => Stack == HostStack.Windows ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromMilliseconds(40);

    /// <summary>An internal host on a VLAN, a few switch hops from the capture point.</summary>
    public static SimHost Internal(string name, string ip, string mac, int vlan, HostStack stack = HostStack.Windows) =>
        new(name, ip, mac, vlan, stack, TimeSpan.FromMicroseconds(stack == HostStack.Plc ? 250 : 90));

    /// <summary>A host on the internet, <paramref name="rttMilliseconds"/> away (round trip) from the capture point.</summary>
    public static SimHost External(string name, string ip, double rttMilliseconds, HostStack stack = HostStack.Linux) =>
        new(name, ip, "00:00:00:00:00:00", -1, stack, TimeSpan.FromMilliseconds(rttMilliseconds / 2));

    internal ushort NextIpId() => ++_ipId;

    internal ushort NextPort()
    {
        int low = Stack == HostStack.Linux ? 32768 : 49152;
        int high = Stack == HostStack.Linux ? 60999 : 65535;
        _nextPort = _nextPort >= high ? low : _nextPort + 1;
        return (ushort)_nextPort;
    }

    public override string ToString() => $"{Name} ({Ip})";
}
