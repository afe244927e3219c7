using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Enforcement;

/// <summary>
/// Tears down TCP connections covered by a <see cref="ResetRule"/> by injecting RSTs built from the packet
/// just seen (BUILD-NOTES "RST crafting rules"). From a packet P of S → R with len = payload (+1 for SYN or
/// FIN): toward R, spoofed from S, seq = P.seq + len, ack = P.ack; toward S, spoofed from R, seq = P.ack,
/// ack = P.seq + len. Linux accepts a RST only when seq equals rcv_nxt exactly, so later packets of the same
/// connection re-trigger a pair (at most <see cref="MaxPairsPerBurst"/> per <see cref="BurstTicks"/>): a reply
/// in flight when the first pair left would otherwise make the first RST stale.
/// Not thread safe except <see cref="SetRules"/>, which swaps the rule set atomically.
/// </summary>
public sealed class TcpResetEnforcer
{
    private readonly IPacketInjector injector;

    public TcpResetEnforcer(IPacketInjector injector)
    {
        this.injector = injector;
        WarmUp();
    }

    public const int MaxPairsPerBurst = 5;
    public static readonly long BurstTicks = TimeSpan.FromSeconds(2).Ticks;

    private readonly byte[] _frame = new byte[FrameBuilder.MaxLength(0)];
    private readonly Dictionary<(IpAddr, IpAddr, ushort, ushort), (long Since, int Pairs)> _bursts = [];
    private volatile ResetRule[] _rules = [];
    private bool _warming;

    public long RstsSent { get; private set; }

    /// <summary>Called for every RST pair sent, after both left: the rule and the packet that triggered the pair.</summary>
    public Action<ResetRule, ResetTrigger>? OnReset { get; set; }

    public IReadOnlyList<ResetRule> Rules => _rules;

    /// <summary>True while any rule is held (expired ones too, until they are removed).</summary>
    public bool HasRules => _rules.Length > 0;

    /// <summary>Raised after every <see cref="SetRules"/>, on the caller's thread.</summary>
    public event Action? RulesChanged;

    public void SetRules(IEnumerable<ResetRule> rules)
    {
        _rules = rules.ToArray();
        RulesChanged?.Invoke();
    }

    /// <summary>Checks one decoded packet; returns true when it sent a RST pair.</summary>
    public bool Inspect(in DecodedPacket p, long timeTicks)
    {
        var rules = _rules;
        if (rules.Length == 0 || !p.IsTcp || (p.TcpFlags & TcpFlags.Rst) != 0) return false;
        ResetRule? rule = null;
        foreach (var r in rules)
            if (r.ExpiresTicks > timeTicks && r.Matches(p.SourceIp, p.DestinationIp)) { rule = r; break; }
        if (rule is null || !TakeBurstSlot(p, timeTicks)) return false;

        bool syn = (p.TcpFlags & TcpFlags.Syn) != 0;
        uint len = (uint)p.PayloadLength + (syn || (p.TcpFlags & TcpFlags.Fin) != 0 ? 1u : 0u);
        uint next = p.Sequence + len;
        bool hasAck = (p.TcpFlags & TcpFlags.Ack) != 0;
        // Toward the receiver, as if from the sender (pointless for a bare SYN: a listener ignores RSTs).
        if (hasAck)
            Send(p.DestinationMac, p.Vlan, p.SourceIp, p.DestinationIp, p.SourcePort, p.DestinationPort, next, p.Acknowledgment);
        // Toward the sender, as if from the receiver: for a bare SYN this is a refusal (RST-ACK of the SYN).
        Send(p.SourceMac, p.Vlan, p.DestinationIp, p.SourceIp, p.DestinationPort, p.SourcePort, hasAck ? p.Acknowledgment : 0, next);
        OnReset?.Invoke(rule, new ResetTrigger(timeTicks, p.SourceIp, p.DestinationIp, p.SourcePort, p.DestinationPort,
            p.Sequence, p.Acknowledgment, p.TcpFlags, p.PayloadLength));
        return true;
    }

    /// <summary>
    /// Runs the whole reset path once before the first real reset (rule match, burst table, frame building) on
    /// synthetic packets, sending nothing: the JIT compiles it here. Otherwise the first flagged packet waits
    /// milliseconds for it (the burst table's generic instantiation alone is a dozen methods), and so does every
    /// packet behind it.
    /// </summary>
    private void WarmUp()
    {
        IpAddr a = IpAddr.FromV4(198, 18, 0, 1), b = IpAddr.FromV4(198, 18, 0, 2);
        var eth = new EthernetSpec(injector.HardwareAddress, injector.HardwareAddress, -1);
        Span<byte> frame = stackalloc byte[FrameBuilder.MaxLength(4)];
        var decoder = new PacketDecoder();
        _rules = [new ResetRule("warm-up", a, b, long.MaxValue)];
        _warming = true;
        try
        {
            for (int i = 0; i <= MaxPairsPerBurst + 1; i++)
            {
                bool forward = i % 2 == 0;
                int length = FrameBuilder.Tcp(frame, eth, forward ? new IpSpec(a, b) : new IpSpec(b, a),
                    new TcpSpec(forward ? (ushort)40000 : (ushort)7000, forward ? (ushort)7000 : (ushort)40000, TcpFlags.Ack | TcpFlags.Psh,
                        (uint)i, (uint)i, Window: 512), "warm"u8);
                if (decoder.TryDecode(LinkTypes.Ethernet, frame[..length], out var packet)) Inspect(packet, 1);
            }
        }
        finally
        {
            _warming = false;
            _rules = [];
            _bursts.Clear();
            RstsSent = 0;
        }
        injector.WarmUp();
    }

    private bool TakeBurstSlot(in DecodedPacket p, long timeTicks)
    {
        var key = p.SourceIp < p.DestinationIp
            ? (p.SourceIp, p.DestinationIp, p.SourcePort, p.DestinationPort)
            : (p.DestinationIp, p.SourceIp, p.DestinationPort, p.SourcePort);
        if (_bursts.Count > 65_536) _bursts.Clear();
        if (_bursts.TryGetValue(key, out var burst) && timeTicks - burst.Since < BurstTicks)
        {
            if (burst.Pairs >= MaxPairsPerBurst) return false;
            _bursts[key] = (burst.Since, burst.Pairs + 1);
            return true;
        }
        _bursts[key] = (timeTicks, 1);
        return true;
    }

    private void Send(MacAddress destinationMac, int vlan, IpAddr source, IpAddr destination, ushort sourcePort,
        ushort destinationPort, uint seq, uint ack)
    {
        var eth = new EthernetSpec(injector.HardwareAddress, destinationMac, vlan);
        var tcp = new TcpSpec(sourcePort, destinationPort, TcpFlags.Rst | TcpFlags.Ack, seq, ack, Window: 0);
        int length = FrameBuilder.Tcp(_frame, eth, new IpSpec(source, destination), tcp);
        if (!_warming) injector.Inject(_frame.AsSpan(0, length));
        RstsSent++;
    }
}
