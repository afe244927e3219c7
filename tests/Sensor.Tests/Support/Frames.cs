using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Tests.Support;

/// <summary>Shorthands for building test frames with <see cref="FrameBuilder"/>.</summary>
internal static class Frames
{
    public static readonly MacAddress ClientMac = MacAddress.Parse("02:00:00:00:00:01");
    public static readonly MacAddress ServerMac = MacAddress.Parse("02:00:00:00:00:02");
    public static readonly IpAddr Client = IpAddr.Parse("10.10.0.66");
    public static readonly IpAddr Server = IpAddr.Parse("10.20.0.5");

    /// <summary>Base time for synthetic captures: 2024-01-01T00:00:00Z.</summary>
    public static readonly long T0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public static long At(double seconds) => T0 + (long)(seconds * TimeSpan.TicksPerSecond);

    public static byte[] Tcp(bool fromClient, TcpFlags flags, uint seq, uint ack, int payload = 0, ushort clientPort = 40000,
        ushort serverPort = 102, int vlan = -1, ushort window = 8192)
    {
        var buffer = new byte[FrameBuilder.MaxLength(payload)];
        var eth = fromClient ? new EthernetSpec(ClientMac, ServerMac, vlan) : new EthernetSpec(ServerMac, ClientMac, vlan);
        var ip = fromClient ? new IpSpec(Client, Server) : new IpSpec(Server, Client);
        var tcp = fromClient
            ? new TcpSpec(clientPort, serverPort, flags, seq, ack, window)
            : new TcpSpec(serverPort, clientPort, flags, seq, ack, window);
        int n = FrameBuilder.Tcp(buffer, eth, ip, tcp, new byte[payload]);
        return buffer[..n];
    }

    public static byte[] Udp(bool fromClient, int payload, ushort clientPort = 50000, ushort serverPort = 47808)
    {
        var buffer = new byte[FrameBuilder.MaxLength(payload)];
        var eth = fromClient ? new EthernetSpec(ClientMac, ServerMac) : new EthernetSpec(ServerMac, ClientMac);
        var ip = fromClient ? new IpSpec(Client, Server) : new IpSpec(Server, Client);
        int n = fromClient
            ? FrameBuilder.Udp(buffer, eth, ip, clientPort, serverPort, new byte[payload])
            : FrameBuilder.Udp(buffer, eth, ip, serverPort, clientPort, new byte[payload]);
        return buffer[..n];
    }

    /// <summary>Writes frames with timestamps to a temporary pcap and returns its path.</summary>
    public static string WritePcap(IEnumerable<(long Ticks, byte[] Frame)> packets)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sensor-test-{Guid.NewGuid():N}.pcap");
        using var writer = PcapWriter.Create(path);
        foreach ((long ticks, byte[] frame) in packets)
        {
            writer.Write(ticks, frame);
        }

        return path;
    }
}
