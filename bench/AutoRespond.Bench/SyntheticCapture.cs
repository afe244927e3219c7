using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Bench;

/// <summary>
/// A deterministic traffic mix for throughput runs: many concurrent TCP sessions (handshake, data both ways,
/// FIN close), DNS-like UDP pairs, and a slice of unanswered SYNs, interleaved the way a busy link
/// interleaves them. Frame sizes range from 54 to ~1,400 bytes.
/// </summary>
public static class SyntheticCapture
{
    public static long Write(string path, long packets, int concurrentFlows, int seed = 1)
    {
        var random = new Random(seed);
        using var writer = PcapWriter.Create(path);
        var buffer = new byte[FrameBuilder.MaxLength(1500)];
        var payload = new byte[1400];
        random.NextBytes(payload);
        var sessions = new Session[concurrentFlows];
        long t = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).UtcTicks;
        uint nextHost = 1;
        for (long written = 0; written < packets; written++)
        {
            t += random.Next(1, 40) * 10; // 1–40 µs between packets
            int i = random.Next(concurrentFlows);
            ref var s = ref sessions[i];
            if (s.Step == 0) s = Session.New(ref nextHost, random);
            int length = s.Proto == 17 ? Udp(buffer, ref s, payload) : Tcp(buffer, ref s, payload, random);
            writer.Write(t, buffer.AsSpan(0, length));
        }
        return writer.PacketsWritten;
    }

    private static int Udp(byte[] buffer, ref Session s, byte[] payload)
    {
        bool request = s.Step == 1;
        s.Step = request ? 2 : 0;
        var (src, dst, sp, dp) = request ? (s.Client, s.Server, s.ClientPort, s.ServerPort) : (s.Server, s.Client, s.ServerPort, s.ClientPort);
        return FrameBuilder.Udp(buffer, Eth(request), new IpSpec(src, dst), sp, dp, payload.AsSpan(0, request ? 40 : 120));
    }

    private static int Tcp(byte[] buffer, ref Session s, byte[] payload, Random random)
    {
        // Steps: 1 SYN, 2 SYN-ACK, 3 ACK, 4..(4+2n) data exchanges, then FIN, FIN-ACK, ACK. A scan stops at the SYN.
        TcpFlags flags;
        bool fromClient;
        int size = 0;
        if (s.Step == 1) { flags = TcpFlags.Syn; fromClient = true; }
        else if (s.Step == 2) { flags = TcpFlags.Syn | TcpFlags.Ack; fromClient = false; }
        else if (s.Step == 3) { flags = TcpFlags.Ack; fromClient = true; }
        else if (s.Step < 4 + 2 * s.Exchanges)
        {
            fromClient = (s.Step & 1) == 0;
            flags = TcpFlags.Psh | TcpFlags.Ack;
            size = fromClient ? random.Next(20, 300) : random.Next(200, 1400);
        }
        else if (s.Step == 4 + 2 * s.Exchanges) { flags = TcpFlags.Fin | TcpFlags.Ack; fromClient = true; }
        else if (s.Step == 5 + 2 * s.Exchanges) { flags = TcpFlags.Fin | TcpFlags.Ack; fromClient = false; }
        else { flags = TcpFlags.Ack; fromClient = true; }

        uint seq = fromClient ? s.ClientSeq : s.ServerSeq;
        uint ack = (flags & TcpFlags.Ack) != 0 ? (fromClient ? s.ServerSeq : s.ClientSeq) : 0;
        var tcp = fromClient
            ? new TcpSpec(s.ClientPort, s.ServerPort, flags, seq, ack)
            : new TcpSpec(s.ServerPort, s.ClientPort, flags, seq, ack);
        var ip = fromClient ? new IpSpec(s.Client, s.Server) : new IpSpec(s.Server, s.Client);
        int length = FrameBuilder.Tcp(buffer, Eth(fromClient), ip, tcp, payload.AsSpan(0, size));
        uint advance = (uint)size + ((flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
        if (fromClient) s.ClientSeq += advance; else s.ServerSeq += advance;
        bool done = s.Scan || s.Step == 6 + 2 * s.Exchanges;
        s.Step = done ? 0 : s.Step + 1;
        return length;
    }

    private static EthernetSpec Eth(bool fromClient) => fromClient
        ? new EthernetSpec(new MacAddress(0x020000000001), new MacAddress(0x020000000002))
        : new EthernetSpec(new MacAddress(0x020000000002), new MacAddress(0x020000000001));

    private struct Session
    {
        public int Step, Exchanges;
        public byte Proto;
        public bool Scan;
        public IpAddr Client, Server;
        public ushort ClientPort, ServerPort;
        public uint ClientSeq, ServerSeq;

        public static Session New(ref uint nextHost, Random random)
        {
            nextHost++;
            int kind = random.Next(100);
            return new Session
            {
                Step = 1,
                Proto = kind < 15 ? (byte)17 : (byte)6,
                Scan = kind is >= 15 and < 20,
                Exchanges = random.Next(1, 12),
                Client = IpAddr.FromV4(0x0A000000 | (nextHost % 60_000)),
                Server = IpAddr.FromV4(0xC6120000 | (uint)random.Next(1, 2000)),
                ClientPort = (ushort)random.Next(1024, 65000),
                ServerPort = kind < 15 ? (ushort)53 : (ushort)(kind < 60 ? 443 : random.Next(1, 1024)),
                ClientSeq = (uint)random.Next(),
                ServerSeq = (uint)random.Next(),
            };
        }
    }
}
