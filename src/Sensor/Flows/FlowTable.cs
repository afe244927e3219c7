using System.Runtime.CompilerServices;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>
/// Tracks TCP, UDP and ICMP flows with Zeek's connection semantics (originator, history, conn_state, sizes, timers)
/// driven by packet time. Flows live in paged slots found through an open-addressing index of canonical 5-tuples
/// (FlowTable.Index.cs), timers in per-timeout activity lists and a <see cref="TimerQueue"/> (docs/sensor.md, "Flows");
/// the per-packet path allocates nothing. Records reach the <see cref="IFlowObserver"/> when a flow's attempt
/// times out and when it ends. Not thread-safe: one table per capture thread.
/// </summary>
public sealed partial class FlowTable
{
    private readonly FlowTableOptions _options;
    private readonly IFlowObserver _observer;
    private const int PageBits = 10;
    private const int PageMask = (1 << PageBits) - 1;

    /// <summary>Flow slots in pages of 1,024, so growing the table never copies it nor leaves half of it empty.</summary>
    private FlowState[][] _pages = [];
    private int _capacity;
    private int _freeHead = -1;
    private int _highWater;
    private long _serial;
    private long _now;

    public FlowTable(FlowTableOptions options, IFlowObserver observer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFlows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxFlows, TimerQueue.MaxSlots - 2);
        _options = options;
        _observer = observer;
        int initial = 1 << PageBits;
        _actPrev = new int[initial];
        _actNext = new int[initial];
        _timeoutOf[(int)InactivityClass.None] = long.MaxValue;
        _timeoutOf[(int)InactivityClass.Tcp] = TimeoutTicks(options.TcpInactivityTimeout);
        _timeoutOf[(int)InactivityClass.Udp] = TimeoutTicks(options.UdpInactivityTimeout);
        _timeoutOf[(int)InactivityClass.Icmp] = TimeoutTicks(options.IcmpInactivityTimeout);
    }

    /// <summary>Receives TCP/UDP payloads and flow ends for dissection (set by the sensor engine).</summary>
    internal IFlowPayloadObserver? PayloadObserver { get; set; }

    /// <summary>Flows currently tracked.</summary>
    public int ActiveFlows => _count;

    public long FlowsCreated => _serial;

    /// <summary>The most flows tracked at once.</summary>
    public int PeakActiveFlows { get; private set; }

    /// <summary>Bytes of the table's own structures (slots, index, activity lists, timers, scaled-history counters).</summary>
    public long FootprintBytes => (long)_capacity * Unsafe.SizeOf<FlowState>() + (long)_actPrev.Length * 2 * sizeof(int)
        + (long)_buckets.Length * sizeof(ulong) + _timers.CapacityBytes + ScaledCountsBytes;

    /// <summary>The size of one flow's state.</summary>
    public static int FlowStateBytes => Unsafe.SizeOf<FlowState>();

    public long FlowsEnded { get; private set; }

    /// <summary>Flows ended early because <see cref="FlowTableOptions.MaxFlows"/> was reached.</summary>
    public long FlowsEvicted { get; private set; }

    public long AttemptTimeouts { get; private set; }

    /// <summary>The latest packet time seen (ticks).</summary>
    public long Now => _now;

    /// <summary>
    /// Accounts one decoded TCP, UDP or ICMP packet at <paramref name="ticks"/> (packet time). Other packets are
    /// ignored and return false. Call <see cref="AdvanceTime"/> with the same time first so due timers fire.
    /// </summary>
    public bool Process(in DecodedPacket packet, long ticks)
    {
        if (!packet.HasTransport)
        {
            return false;
        }

        AdvanceClock(ticks);
        byte protocol = packet.Protocol;
        ushort srcPort = packet.SourcePort, dstPort = packet.DestinationPort;
        bool oneWay = false;
        if (protocol is 1 or 58)
        {
            srcPort = packet.IcmpType;
            dstPort = FlowKey.IcmpCounterpart(protocol == 58, packet.IcmpType, packet.IcmpCode, out oneWay);
        }

        var key = FlowKey.Create(packet.SourceIp, srcPort, packet.DestinationIp, dstPort, protocol, oneWay, out bool srcIsA);
        int slot = Lookup(key, packet, srcIsA, srcPort, dstPort, ticks, out bool created);
        if (!created && protocol == 6 && IsReuse(Flow(slot), packet))
        {
            End(slot, ticks);
            slot = Lookup(key, packet, srcIsA, srcPort, dstPort, ticks, out _);
        }

        ref FlowState flow = ref Flow(slot);
        InactivityClass wasClass = flow.Inactivity;
        long wasLast = flow.LastTicks;
        bool isOrig = flow.OrigIsA == srcIsA;
        bool accepted = false;
        switch (protocol)
        {
            case 6:
                accepted = ProcessTcp(slot, isOrig, packet, ticks);
                break;
            case 17:
                accepted = ProcessUdp(slot, isOrig, packet, ticks);
                break;
            default:
                ProcessIcmp(slot, isOrig, packet, ticks);
                break;
        }

        if (flow.LastTicks != wasLast || flow.Inactivity != wasClass)
        {
            ActivityUpdate(slot, wasClass, wasLast);
        }

        if (accepted && PayloadObserver is { } payloads && flow.Dissector >= 0)
        {
            payloads.OnPacket(ref flow, flow.OrigIsA == srcIsA, packet, ticks); // roles may have flipped above
        }

        return true;
    }

    /// <summary>Ends every tracked flow (end of capture), oldest first, after raising any pending attempt timeouts.</summary>
    public void Flush(long ticks)
    {
        AdvanceClock(ticks);
        var live = new List<(long Serial, int Slot)>(_count);
        for (int slot = 0; slot < _highWater; slot++)
        {
            if (Flow(slot).Serial != 0)
            {
                live.Add((Flow(slot).Serial, slot));
            }
        }

        live.Sort();
        foreach ((_, int slot) in live)
        {
            ref FlowState f = ref Flow(slot);
            if (f.AttemptPending && f.IsActive && AttemptUnanswered(f))
            {
                ReportAttempt(ref f, _now);
            }
        }

        foreach ((_, int slot) in live)
        {
            End(slot, _now);
        }

        _timers.Clear();
    }

    private void AdvanceClock(long ticks)
    {
        if (ticks > _now)
        {
            _now = ticks;
        }
    }

    /// <summary>Finds the flow for a key or creates it (Zeek's NewConn, with the likely-server-port flip).</summary>
    private int Lookup(FlowKey key, in DecodedPacket p, bool srcIsA, ushort srcPort, ushort dstPort, long ticks,
        out bool created)
    {
        uint hash = HashOf(key);
        int found = Find(key, hash, out int bucket);
        created = found < 0;
        if (!created)
        {
            return found;
        }

        int slot = AllocateSlot();
        ref FlowState f = ref Flow(slot);
        f = default;
        f.Key = key;
        f.Serial = ++_serial;
        f.StartTicks = f.LastTicks = ticks;
        f.OrigIsA = srcIsA;
        f.OrigMac = p.SourceMac;
        f.RespMac = p.DestinationMac;
        f.Vlan = (short)p.Vlan;
        f.IsActive = true;
        f.AnalyzerEpoch = _timers.Sequence;
        f.Inactivity = p.Protocol switch
        {
            6 or 17 => InactivityClass.Udp, // Zeek: TCP is under the UDP timeout until the handshake completes
            _ => InactivityClass.Icmp,
        };
        IndexAdd(bucket, hash, slot);
        ActivityInsert(slot);

        if (WantsFlip(p, srcPort, dstPort) && !p.DestinationIp.IsBroadcast)
        {
            FlipRoles(ref f);
        }

        if (p.Protocol == 6)
        {
            Schedule(slot, TimerKind.Expire, TimerRing.SynExpire, ticks + _options.TcpSynTimeout.Ticks);
        }

        if (_count > _options.MaxFlows && LeastRecentlyActive(slot) is var oldest and >= 0)
        {
            FlowsEvicted++;
            End(oldest, ticks);
        }

        return slot;
    }

    /// <summary>Zeek's WantConnection flip: the first packet came from a likely server port.</summary>
    private static bool WantsFlip(in DecodedPacket p, ushort srcPort, ushort dstPort)
    {
        if (p.Protocol == 17)
        {
            return LikelyServerPorts.IsUdp(srcPort) && !LikelyServerPorts.IsUdp(dstPort);
        }

        if (p.Protocol != 6)
        {
            return false;
        }

        TcpFlags flags = p.TcpFlags;
        bool syn = (flags & TcpFlags.Syn) != 0;
        if (syn && (flags & TcpFlags.Ack) == 0)
        {
            return false; // a plain SYN names its originator
        }

        if (!LikelyServerPorts.IsTcp(srcPort))
        {
            return false;
        }

        return !LikelyServerPorts.IsTcp(dstPort) || (!syn && srcPort < dstPort);
    }

    private static void FlipRoles(ref FlowState f)
    {
        (f.Orig, f.Resp) = (f.Resp, f.Orig);
        (f.OrigMac, f.RespMac) = (f.RespMac, f.OrigMac);
        f.OrigIsA = !f.OrigIsA;
        f.AddHistory('^');
    }

    /// <summary>Reports the flow and frees its slot.</summary>
    private void End(int slot, long ticks)
    {
        ref FlowState f = ref Flow(slot);
        if (f.Serial == 0)
        {
            return;
        }

        if (f.Dissector > 0)
        {
            PayloadObserver?.OnFlowEnding(ref f, ticks);
        }

        var record = BuildRecord(f);
        long end = Math.Max(ticks, f.StartTicks); // timestamps that went backwards never end a flow before it started
        IndexRemove(f.Key, slot);
        ActivityRemove(slot, f.Inactivity);
        ForgetScaledCounts(f);
        f = default;
        FreeSlot(slot);
        FlowsEnded++;
        _observer.OnFlowEnded(record, ToTime(end));
    }

    private ref FlowState Flow(int slot) => ref _pages[slot >> PageBits][slot & PageMask];

    private static long TimeoutTicks(TimeSpan timeout) => timeout > TimeSpan.Zero ? timeout.Ticks : long.MaxValue;

    private static DateTimeOffset ToTime(long ticks) => new(ticks, TimeSpan.Zero);
}
