using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Simulation.Network;

/// <summary>
/// A discrete-event simulation that writes what a trunk SPAN port would see. Activities are scheduled at
/// simulated times and run in time order; each writes its frames at or after its own start time, so frames
/// older than the running activity can be written out. That keeps memory small however long the capture, and
/// the file in strict time order. Everything is deterministic for a seed: one <see cref="Random"/>, total
/// orders on the event and frame queues, no wall clock.
/// </summary>
internal sealed class Simulator
{
    /// <summary>The router (an HSRP virtual MAC): frames to another VLAN or the internet go to it, frames from the internet come from it.</summary>
    public static readonly MacAddress RouterMac = MacAddress.Parse("00:00:0c:07:ac:0a");

    private readonly PcapWriter _writer;
    private readonly PriorityQueue<Action, (long Ticks, long Order)> _events = new();
    private readonly PriorityQueue<byte[], (long Ticks, long Order)> _frames = new();
    private readonly List<TcpConversation> _touched = []; // a list, not a set: settle order must not depend on hash codes
    private readonly byte[] _scratch = new byte[FrameBuilder.MaxLength(65536)];
    private long _eventOrder;
    private long _frameOrder;

    public Simulator(PcapWriter writer, int seed)
    {
        _writer = writer;
        Random = new Random(seed);
    }

    /// <summary>The simulation's only source of randomness.</summary>
    public Random Random { get; }

    /// <summary>Start time of the running activity; no frame may be written before it.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>
    /// Schedules an activity at <paramref name="time"/> (cut to the microsecond, the capture's resolution).
    /// Activities at the same time run in the order they were scheduled.
    /// </summary>
    public void At(DateTimeOffset time, Action activity)
    {
        long ticks = Microseconds(time.UtcTicks);
        if (ticks < Now.UtcTicks) throw new InvalidOperationException($"cannot schedule at {time:O}, before the running activity ({Now:O})");
        _events.Enqueue(activity, (ticks, _eventOrder++));
    }

    /// <summary>Runs every activity scheduled before <paramref name="end"/>, then writes the remaining frames.</summary>
    public void Run(DateTimeOffset end)
    {
        while (_events.TryPeek(out _, out var key) && key.Ticks < end.UtcTicks)
        {
            var activity = _events.Dequeue();
            Now = new DateTimeOffset(key.Ticks, TimeSpan.Zero);
            FlushBefore(key.Ticks);
            activity();
            foreach (var conversation in _touched) conversation.Settle();
            _touched.Clear();
        }
        FlushBefore(long.MaxValue);
        _writer.Flush();
    }

    /// <summary>A TCP conversation from <paramref name="client"/>'s next ephemeral port; nothing is sent until it is used.</summary>
    public TcpConversation Tcp(SimHost client, SimHost server, ushort port, int mss = 1460, ushort? clientPort = null) =>
        new(this, client, server, clientPort ?? client.NextPort(), port, mss);

    /// <summary>One UDP datagram; a broadcast when <paramref name="to"/> is null.</summary>
    public void Udp(DateTimeOffset time, SimHost from, SimHost? to, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload, IpAddr? sourceOverride = null)
    {
        var eth = to is null
            ? new EthernetSpec(from.Mac, MacAddress.Broadcast, from.Vlan)
            : Ethernet(from, to);
        var ip = new IpSpec(sourceOverride ?? from.Address, to?.Address ?? IpAddr.Parse("255.255.255.255"), from.Ttl, from.NextIpId());
        int length = FrameBuilder.Udp(_scratch, eth, ip, sourcePort, destinationPort, payload);
        Emit(time, _scratch.AsSpan(0, length));
    }

    /// <summary>Uniform time in [<paramref name="min"/>, <paramref name="max"/>), in whole microseconds.</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromTicks(Microseconds(min.Ticks + (long)(Random.NextDouble() * (max - min).Ticks)));

    /// <summary>Exponentially distributed gap with the given mean (a Poisson process's inter-arrival time), in whole microseconds.</summary>
    public TimeSpan Exponential(TimeSpan mean) => TimeSpan.FromTicks(Microseconds((long)(-Math.Log(1 - Random.NextDouble()) * mean.Ticks)));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => Random.NextDouble() < p;

    internal void Touch(TcpConversation conversation) => _touched.Add(conversation);

    internal void EmitTcp(DateTimeOffset time, SimHost from, SimHost to, in TcpSpec tcp, ReadOnlySpan<byte> payload)
    {
        int length = FrameBuilder.Tcp(_scratch, Ethernet(from, to), new IpSpec(from.Address, to.Address, from.Ttl, from.NextIpId()), tcp, payload);
        Emit(time, _scratch.AsSpan(0, length));
    }

    private void Emit(DateTimeOffset time, ReadOnlySpan<byte> frame)
    {
        // pcap keeps microseconds: cut here so the file order is the queue order.
        long ticks = Microseconds(time.UtcTicks);
        if (ticks < Now.UtcTicks) throw new InvalidOperationException($"frame at {time:O} is before the running activity ({Now:O})");
        _frames.Enqueue(frame.ToArray(), (ticks, _frameOrder++));
    }

    private void FlushBefore(long ticks)
    {
        while (_frames.TryPeek(out _, out var key) && key.Ticks < ticks)
            _writer.Write(key.Ticks, _frames.Dequeue());
    }

    private static long Microseconds(long ticks) => ticks / 10 * 10;

    // Frames are seen once, on the sender's VLAN; traffic to another VLAN or the internet goes to the router,
    // traffic from the internet, or from the router itself, comes from the router on the receiver's VLAN.
    private static EthernetSpec Ethernet(SimHost from, SimHost to)
    {
        if ((from.IsExternal || from.Mac == RouterMac) && !to.IsExternal) return new EthernetSpec(RouterMac, to.Mac, to.Vlan);
        return new EthernetSpec(from.Mac, !to.IsExternal && to.Vlan == from.Vlan ? to.Mac : RouterMac, from.Vlan);
    }
}
