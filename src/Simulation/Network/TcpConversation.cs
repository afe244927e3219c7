using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Simulation.Network;

/// <summary>
/// One TCP connection as the capture point sees it: real sequence and acknowledgment numbers, segmentation at
/// the MSS, an ACK for every second segment, delayed ACKs, a receive window, and timing from each host's
/// distance to the capture point (a host answers a packet seen at t no earlier than t + 2 × its latency).
/// Methods return the conversation so exchanges read as one chain.
/// </summary>
internal sealed class TcpConversation
{
    private static readonly TimeSpan Retransmit = TimeSpan.FromSeconds(1);
    private readonly Simulator _sim;
    private readonly Side _client;
    private readonly Side _server;
    private readonly int _mss;
    private readonly double _bytesPerSecond;
    private long _clock;
    private long _lastTicks;
    private Side? _lastFrom;
    private bool _touched;

    internal TcpConversation(Simulator sim, SimHost client, SimHost server, ushort clientPort, ushort serverPort, int mss)
    {
        _sim = sim;
        _client = new Side(client, clientPort, (uint)sim.Random.NextInt64(1, uint.MaxValue));
        _server = new Side(server, serverPort, (uint)sim.Random.NextInt64(1, uint.MaxValue));
        _mss = mss;
        _bytesPerSecond = client.IsExternal || server.IsExternal ? 12.5e6 : 125e6;
    }

    /// <summary>Time of the last frame written, or of the conversation's clock after <see cref="Wait"/>.</summary>
    public DateTimeOffset Time => new(Math.Max(_clock, _lastTicks), TimeSpan.Zero);

    /// <summary>
    /// Bytes no segment after the first of a send may begin with. RDP sets it: after the X.224 exchange the
    /// stream is TLS, and a segment that starts with 0x03 (a TPKT version) or with a fast-path action of 0 makes
    /// RDP parsers on port 3389 (Wireshark's among them) take ciphertext for a header.
    /// </summary>
    public Predicate<byte>? AvoidSegmentStart { get; set; }

    /// <summary>Moves the conversation's clock forward to <paramref name="time"/> (never back).</summary>
    public TcpConversation At(DateTimeOffset time)
    {
        _clock = Math.Max(_clock, time.UtcTicks);
        return this;
    }

    /// <summary>Three-way handshake.</summary>
    public TcpConversation Open()
    {
        long t = Start(_client, TimeSpan.Zero);
        Emit(t, _client, TcpFlags.Syn, default);
        Emit(t += Turn(_server), _server, TcpFlags.Syn | TcpFlags.Ack, default);
        Emit(t + Turn(_client), _client, TcpFlags.Ack, default);
        return this;
    }

    /// <summary>A SYN nobody answers, retransmitted <paramref name="retries"/> times (Zeek S0).</summary>
    public void Unanswered(int retries = 2)
    {
        long t = Start(_client, TimeSpan.Zero);
        uint isn = _client.Seq;
        for (int i = 0; i <= retries; i++, t += Retransmit.Ticks << (i - 1))
        {
            _client.Seq = isn;
            Emit(t, _client, TcpFlags.Syn, default);
        }
    }

    /// <summary>A SYN refused with RST-ACK: nothing listens on the port (Zeek REJ).</summary>
    public void Rejected()
    {
        long t = Start(_client, TimeSpan.Zero);
        Emit(t, _client, TcpFlags.Syn, default);
        _server.Seq = 0;
        Emit(t + Turn(_server), _server, TcpFlags.Rst | TcpFlags.Ack, default);
    }

    /// <summary>A SYN scan of an open port: SYN, SYN-ACK, the scanner's RST (Zeek RSTO, history ShR).</summary>
    public void HalfOpen()
    {
        long t = Start(_client, TimeSpan.Zero);
        Emit(t, _client, TcpFlags.Syn, default);
        Emit(t += Turn(_server), _server, TcpFlags.Syn | TcpFlags.Ack, default);
        Emit(t + Turn(_client), _client, TcpFlags.Rst, default);
    }

    public TcpConversation ClientSends(ReadOnlySpan<byte> data, TimeSpan think = default) => Send(_client, data, think);

    public TcpConversation ServerSends(ReadOnlySpan<byte> data, TimeSpan think = default) => Send(_server, data, think);

    /// <summary>The client sends a request and the server answers after <paramref name="serverTime"/>.</summary>
    public TcpConversation Exchange(ReadOnlySpan<byte> request, ReadOnlySpan<byte> response, TimeSpan serverTime = default) =>
        ClientSends(request).ServerSends(response, serverTime);

    /// <summary>Lets time pass; owed ACKs fall due on the way.</summary>
    public TcpConversation Wait(TimeSpan duration)
    {
        _clock = Math.Max(Math.Max(_clock, _lastTicks), _sim.Now.UtcTicks) + duration.Ticks;
        FlushOwedAck(_client, _clock);
        FlushOwedAck(_server, _clock);
        return this;
    }

    /// <summary>FIN from one side, FIN from the other, last ACK (Zeek SF).</summary>
    public void Close(bool byClient = true)
    {
        Side closer = byClient ? _client : _server, peer = byClient ? _server : _client;
        long t = Start(closer, TimeSpan.FromMilliseconds(1));
        Emit(t, closer, TcpFlags.Fin | TcpFlags.Ack, default);
        Emit(t += Turn(peer), peer, TcpFlags.Fin | TcpFlags.Ack, default);
        Emit(t + Turn(closer), closer, TcpFlags.Ack, default);
    }

    /// <summary>An abortive close: RST-ACK from one side.</summary>
    public void Abort(bool byClient = true)
    {
        Side side = byClient ? _client : _server;
        Emit(Start(side, TimeSpan.Zero), side, TcpFlags.Rst | TcpFlags.Ack, default);
    }

    /// <summary>Sends the delayed ACKs still owed; the simulator calls it when the running activity ends.</summary>
    internal void Settle()
    {
        FlushOwedAck(_client, long.MaxValue);
        FlushOwedAck(_server, long.MaxValue);
        _touched = false;
    }

    private TcpConversation Send(Side from, ReadOnlySpan<byte> data, TimeSpan think)
    {
        if (data.IsEmpty) return this;
        Side to = from == _client ? _server : _client;
        long t = Start(from, think);
        var cuts = Segments(data);
        int count = cuts.Count;
        int window = Math.Max(2, to.Window / _mss);
        var covered = new long[count]; // when the ACK covering each segment was seen
        int coveredUpTo = 0;
        var acks = new Queue<(long Ticks, uint Ack)>();
        long previous = t;
        for (int i = 0; i < count; i++)
        {
            var segment = data.Slice(cuts[i].Offset, cuts[i].Length);
            if (i > 0) t = Math.Max(t, previous + (long)(segment.Length / _bytesPerSecond * TimeSpan.TicksPerSecond) + 10);
            if (i >= window && i - window < coveredUpTo) t = Math.Max(t, covered[i - window] + Turn(from));
            while (acks.TryPeek(out var ack) && ack.Ticks <= t) EmitAck(acks.Dequeue(), to);
            Emit(t, from, i == count - 1 ? TcpFlags.Psh | TcpFlags.Ack : TcpFlags.Ack, segment);
            previous = t;
            if (++to.Unacked >= 2)
            {
                long ackAt = t + Turn(to);
                acks.Enqueue((ackAt, from.Seq));
                for (; coveredUpTo <= i; coveredUpTo++) covered[coveredUpTo] = ackAt;
                to.Unacked = 0;
            }
            else
            {
                to.LastReceived = t;
            }
        }
        while (acks.TryDequeue(out var ack)) EmitAck(ack, to);
        return this;
    }

    /// <summary>
    /// Cuts <paramref name="data"/> at the MSS. With <see cref="AvoidSegmentStart"/> set, a cut that would make a
    /// segment begin with an unwanted byte moves back a byte or two, as a sender's own write boundaries might.
    /// </summary>
    private List<(int Offset, int Length)> Segments(ReadOnlySpan<byte> data)
    {
        var cuts = new List<(int, int)>(data.Length / _mss + 1);
        for (int offset = 0; offset < data.Length;)
        {
            int end = Math.Min(offset + _mss, data.Length);
            while (AvoidSegmentStart is { } avoid && end < data.Length && end > offset + 1 && avoid(data[end])) end--;
            cuts.Add((offset, end - offset));
            offset = end;
        }
        return cuts;
    }

    private void EmitAck((long Ticks, uint Ack) ack, Side from)
    {
        Side peer = from == _client ? _server : _client;
        uint seq = peer.Seq;
        peer.Seq = ack.Ack; // the ACK acknowledges what had arrived when it was sent
        Emit(Math.Max(ack.Ticks, _lastTicks + 10), from, TcpFlags.Ack, default, keepOwed: true);
        peer.Seq = seq;
    }

    /// <summary>Earliest time <paramref name="from"/> can send: after the clock, after the running activity's start and, when answering, one turn after the other side's last frame.</summary>
    private long Start(Side from, TimeSpan think)
    {
        long t = Math.Max(Math.Max(_clock, _lastTicks + 10), _sim.Now.UtcTicks);
        if (_lastFrom is not null && _lastFrom != from) t = Math.Max(t, _lastTicks + Turn(from));
        t += think.Ticks;
        FlushOwedAck(from == _client ? _server : _client, t);
        return t;
    }

    private void FlushOwedAck(Side side, long before)
    {
        if (side.Unacked == 0) return;
        long due = side.LastReceived + Turn(side) + side.Host.DelayedAck.Ticks;
        if (due > before) return;
        Emit(Math.Max(due, _lastTicks + 10), side, TcpFlags.Ack, default);
    }

    private long Turn(Side side) => 2 * side.Host.Latency.Ticks + 100 + _sim.Random.Next(side.Host.IsExternal ? 20_000 : 400);

    private void Emit(long ticks, Side from, TcpFlags flags, ReadOnlySpan<byte> payload, bool keepOwed = false)
    {
        Side to = from == _client ? _server : _client;
        bool ack = (flags & TcpFlags.Ack) != 0;
        var spec = new TcpSpec(from.Port, to.Port, flags, from.Seq, ack ? to.Seq : 0, (ushort)from.Window);
        _sim.EmitTcp(new DateTimeOffset(ticks, TimeSpan.Zero), from.Host, to.Host, spec, payload);
        from.Seq += (uint)payload.Length + ((flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
        if (ack && !keepOwed) from.Unacked = 0;
        _lastTicks = Math.Max(_lastTicks, ticks);
        _lastFrom = from;
        if (!_touched)
        {
            _touched = true;
            _sim.Touch(this);
        }
    }

    private sealed class Side(SimHost host, ushort port, uint isn)
    {
        public SimHost Host { get; } = host;
        public ushort Port { get; } = port;
        public int Window { get; } = host.Stack == HostStack.Plc ? 8192 : 64240;
        public uint Seq { get; set; } = isn;
        public int Unacked { get; set; }
        public long LastReceived { get; set; }
    }
}
