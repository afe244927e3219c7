using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Host.Demo;

/// <summary>A host on the simulated network: its address, MAC and 802.1Q VLAN.</summary>
public sealed record SimHost(string Ip, string Mac, int Vlan)
{
    public IpAddr Address { get; } = IpAddr.Parse(Ip);
    public MacAddress Hardware { get; } = MacAddress.Parse(Mac);
}

/// <summary>
/// Writes well-formed TCP and UDP conversations to a pcap as a trunk port would see them (each frame tagged
/// with its sender's VLAN), with real handshakes, sequence numbers and checksums. Packets must be written in
/// time order; each conversation returns the time its last packet was written.
/// </summary>
public sealed class TrafficWriter(PcapWriter writer, int seed) : IDisposable
{
    private static readonly TimeSpan Rtt = TimeSpan.FromMilliseconds(0.4);
    private readonly byte[] _frame = new byte[FrameBuilder.MaxLength(1500)];
    private readonly Random _random = new(seed);
    private ushort _nextPort = 49152;

    public long Packets => writer.PacketsWritten;

    /// <summary>A complete session: handshake, request/response exchanges, FIN close by the client.</summary>
    public DateTimeOffset Session(DateTimeOffset t, SimHost client, SimHost server, ushort port, int exchanges, int requestBytes, int responseBytes)
    {
        var c = Open(client, server, port);
        Send(ref t, c, client, TcpFlags.Syn, 0);
        Send(ref t, c, server, TcpFlags.Syn | TcpFlags.Ack, 0);
        Send(ref t, c, client, TcpFlags.Ack, 0);
        for (int i = 0; i < exchanges; i++)
        {
            Send(ref t, c, client, TcpFlags.Psh | TcpFlags.Ack, requestBytes);
            Send(ref t, c, server, TcpFlags.Psh | TcpFlags.Ack, responseBytes);
        }
        Send(ref t, c, client, TcpFlags.Fin | TcpFlags.Ack, 0);
        Send(ref t, c, server, TcpFlags.Fin | TcpFlags.Ack, 0);
        Send(ref t, c, client, TcpFlags.Ack, 0);
        return t;
    }

    /// <summary>A SYN nobody answers (Zeek S0).</summary>
    public DateTimeOffset Unanswered(DateTimeOffset t, SimHost client, SimHost server, ushort port)
    {
        Send(ref t, Open(client, server, port), client, TcpFlags.Syn, 0);
        return t;
    }

    /// <summary>A SYN answered by RST-ACK: closed port (Zeek REJ).</summary>
    public DateTimeOffset Rejected(DateTimeOffset t, SimHost client, SimHost server, ushort port)
    {
        var c = Open(client, server, port);
        Send(ref t, c, client, TcpFlags.Syn, 0);
        Send(ref t, c, server, TcpFlags.Rst | TcpFlags.Ack, 0);
        return t;
    }

    /// <summary>A SYN-scan of an open port: SYN, SYN-ACK, then the scanner's RST (Zeek RSTO, history ShR).</summary>
    public DateTimeOffset HalfOpen(DateTimeOffset t, SimHost client, SimHost server, ushort port)
    {
        var c = Open(client, server, port);
        Send(ref t, c, client, TcpFlags.Syn, 0);
        Send(ref t, c, server, TcpFlags.Syn | TcpFlags.Ack, 0);
        Send(ref t, c, client, TcpFlags.Rst, 0);
        return t;
    }

    /// <summary>One UDP request and its answer (a DNS lookup, say).</summary>
    public DateTimeOffset Udp(DateTimeOffset t, SimHost client, SimHost server, ushort port, int requestBytes, int responseBytes)
    {
        ushort sport = NextPort();
        Write(t, client, server, sport, port, requestBytes);
        t += Rtt;
        Write(t, server, client, port, sport, responseBytes);
        return t;
    }

    /// <summary>Uniform jitter in [0, max), deterministic for the seed.</summary>
    public TimeSpan Jitter(TimeSpan max) => TimeSpan.FromTicks((long)(_random.NextDouble() * max.Ticks));

    public void Dispose() => writer.Dispose();

    private Connection Open(SimHost client, SimHost server, ushort port) =>
        new(client, server, NextPort(), port, (uint)_random.Next(), (uint)_random.Next());

    private ushort NextPort() => _nextPort = _nextPort >= 65000 ? (ushort)49152 : (ushort)(_nextPort + 1);

    private void Send(ref DateTimeOffset t, Connection c, SimHost from, TcpFlags flags, int payloadBytes)
    {
        bool fromClient = from == c.Client;
        var to = fromClient ? c.Server : c.Client;
        uint seq = fromClient ? c.ClientSeq : c.ServerSeq;
        uint ack = (flags & TcpFlags.Ack) != 0 ? (fromClient ? c.ServerSeq : c.ClientSeq) : 0;
        var tcp = new TcpSpec(fromClient ? c.ClientPort : c.ServerPort, fromClient ? c.ServerPort : c.ClientPort, flags, seq, ack);
        Span<byte> payload = stackalloc byte[payloadBytes];
        payload.Fill((byte)'A');
        int length = FrameBuilder.Tcp(_frame, Eth(from, to), new IpSpec(from.Address, to.Address), tcp, payload);
        writer.Write(t.UtcTicks, _frame.AsSpan(0, length));
        uint advance = (uint)payloadBytes + ((flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
        if (fromClient) c.ClientSeq += advance;
        else c.ServerSeq += advance;
        t += Rtt;
    }

    private void Write(DateTimeOffset t, SimHost from, SimHost to, ushort sport, ushort dport, int payloadBytes)
    {
        Span<byte> payload = stackalloc byte[payloadBytes];
        payload.Fill(0x20);
        int length = FrameBuilder.Udp(_frame, Eth(from, to), new IpSpec(from.Address, to.Address), sport, dport, payload);
        writer.Write(t.UtcTicks, _frame.AsSpan(0, length));
    }

    // Frames between VLANs are routed: the router's MAC stands for the far end.
    private static EthernetSpec Eth(SimHost from, SimHost to) =>
        new(from.Hardware, from.Vlan == to.Vlan ? to.Hardware : Router, from.Vlan);

    private static readonly MacAddress Router = MacAddress.Parse("02:00:00:00:00:01");

    private sealed class Connection(SimHost client, SimHost server, ushort clientPort, ushort serverPort, uint clientSeq, uint serverSeq)
    {
        public SimHost Client { get; } = client;
        public SimHost Server { get; } = server;
        public ushort ClientPort { get; } = clientPort;
        public ushort ServerPort { get; } = serverPort;
        public uint ClientSeq { get; set; } = clientSeq;
        public uint ServerSeq { get; set; } = serverSeq;
    }
}
