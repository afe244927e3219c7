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

    public long RstsSent { get; private set; }

    /// <summary>Called for every RST pair sent: the rule and the packet time (ticks) that triggered it.</summary>
    public Action<ResetRule, long>? OnReset { get; set; }

    public IReadOnlyList<ResetRule> Rules => _rules;

    public void SetRules(IEnumerable<ResetRule> rules) => _rules = rules.ToArray();

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
        OnReset?.Invoke(rule, timeTicks);
        return true;
    }

    /// <summary>
    /// Compiles the reset path before the first real reset: a first RST otherwise waits milliseconds for the JIT
    /// (frame building, checksums, the send stub), and every packet behind it waits too.
    /// </summary>
    private void WarmUp()
    {
        var eth = new EthernetSpec(injector.HardwareAddress, injector.HardwareAddress, -1);
        var ip = new IpSpec(IpAddr.FromV4(198, 18, 0, 1), IpAddr.FromV4(198, 18, 0, 2));
        for (int i = 0; i < 64; i++)
            FrameBuilder.Tcp(_frame, eth, ip, new TcpSpec(1, 2, TcpFlags.Rst | TcpFlags.Ack, (uint)i, 0, Window: 0));
        foreach (var method in typeof(TcpResetEnforcer).GetMethods(System.Reflection.BindingFlags.Instance
            | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly))
            if (!method.ContainsGenericParameters) System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
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
        injector.Inject(_frame.AsSpan(0, length));
        RstsSent++;
    }
}
