using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>
/// A flow's 5-tuple in canonical order: endpoint A is the smaller (address, port), so both directions share one key.
/// One-way ICMP messages keep sender order and a flag, as Zeek's is_one_way keys do.
/// </summary>
internal readonly struct FlowKey : IEquatable<FlowKey>
{
    public readonly IpAddr A;
    public readonly IpAddr B;
    public readonly ushort PortA;
    public readonly ushort PortB;
    public readonly byte Protocol;
    public readonly bool OneWay;

    private FlowKey(IpAddr a, ushort portA, IpAddr b, ushort portB, byte protocol, bool oneWay)
    {
        A = a;
        B = b;
        PortA = portA;
        PortB = portB;
        Protocol = protocol;
        OneWay = oneWay;
    }

    /// <summary>Builds the key; <paramref name="sourceIsA"/> tells whether the packet's sender is endpoint A.</summary>
    public static FlowKey Create(IpAddr src, ushort srcPort, IpAddr dst, ushort dstPort, byte protocol, bool oneWay,
        out bool sourceIsA)
    {
        sourceIsA = oneWay || src < dst || (src == dst && srcPort <= dstPort);
        return sourceIsA
            ? new FlowKey(src, srcPort, dst, dstPort, protocol, oneWay)
            : new FlowKey(dst, dstPort, src, srcPort, protocol, oneWay);
    }

    public bool Equals(FlowKey other)
        => A.Low == other.A.Low && B.Low == other.B.Low && A.High == other.A.High && B.High == other.B.High
           && PortA == other.PortA && PortB == other.PortB && Protocol == other.Protocol && OneWay == other.OneWay;

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode()
    {
        const ulong K = 0x9E37_79B9_7F4A_7C15;
        ulong h = A.Low * K;
        h = (h ^ B.Low) * K;
        h = (h ^ A.High ^ (B.High << 1)) * K;
        h ^= (ulong)PortA << 32 | (ulong)PortB << 16 | (ulong)Protocol << 1 | (OneWay ? 1UL : 0UL);
        h *= K;
        return (int)(h ^ (h >> 32));
    }

    /// <summary>Zeek's ICMP "ports": the type, and the counterpart type for request/reply pairs or else the code.</summary>
    public static ushort IcmpCounterpart(bool v6, byte type, byte code, out bool oneWay)
    {
        oneWay = false;
        int counterpart = v6
            ? type switch
            {
                128 => 129, 129 => 128, 130 => 131, 131 => 130, 133 => 134, 134 => 133, 135 => 136, 136 => 135,
                139 => 140, 140 => 139, _ => -1,
            }
            : type switch
            {
                8 => 0, 0 => 8, 13 => 14, 14 => 13, 15 => 16, 16 => 15, 10 => 9, 9 => 10, 17 => 18, 18 => 17, _ => -1,
            };
        if (counterpart < 0)
        {
            oneWay = true;
            return code;
        }

        return (ushort)counterpart;
    }
}
