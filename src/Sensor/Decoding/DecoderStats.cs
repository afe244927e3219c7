namespace AutoRespond.Sensor.Decoding;

/// <summary>Why a frame could not be decoded.</summary>
public enum DecodeFailure
{
    None,
    UnsupportedLinkType,
    TruncatedLinkHeader,
    TruncatedVlanTag,
    BadIpVersion,
    TruncatedIpv4Header,
    BadIpv4HeaderLength,
    BadIpv4TotalLength,
    TruncatedIpv6Header,
    BadIpv6ExtensionHeader,
    TruncatedArp,
    TruncatedTcpHeader,
    BadTcpDataOffset,
    TruncatedUdpHeader,
    BadUdpLength,
    TruncatedIcmpHeader,
}

/// <summary>Decoder counters: every frame lands in exactly one outcome; failures are split by reason.</summary>
public sealed class DecoderStats
{
    private static readonly DecodeFailure[] AllFailures = Enum.GetValues<DecodeFailure>();
    private readonly long[] _failures = new long[AllFailures.Length];

    /// <summary>IP packets with a decoded TCP/UDP/ICMP header.</summary>
    public long Transport { get; private set; }

    /// <summary>Non-first IP fragments (transport header not present).</summary>
    public long Fragments { get; private set; }

    /// <summary>IP packets of another protocol (GRE, ESP, OSPF, IGMP, ...).</summary>
    public long OtherIpProtocol { get; private set; }

    public long Arp { get; private set; }

    /// <summary>Frames that are neither IP nor ARP.</summary>
    public long NonIp { get; private set; }

    /// <summary>Frames that failed to decode, all reasons.</summary>
    public long Failed { get; private set; }

    public long this[DecodeFailure reason] => _failures[(int)reason];

    /// <summary>Failure counts by reason name, non-zero only.</summary>
    public IReadOnlyDictionary<string, long> FailuresByReason()
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (DecodeFailure reason in AllFailures)
        {
            if (_failures[(int)reason] != 0)
            {
                result[reason.ToString()] = _failures[(int)reason];
            }
        }

        return result;
    }

    internal void CountFailure(DecodeFailure reason)
    {
        _failures[(int)reason]++;
        Failed++;
    }

    internal void CountSuccess(in DecodedPacket p)
    {
        if (p.HasTransport)
        {
            Transport++;
        }
        else if (p.IsFragment)
        {
            Fragments++;
        }
        else if (p.IsIp)
        {
            OtherIpProtocol++;
        }
        else if (p.Kind == PacketKind.Arp)
        {
            Arp++;
        }
        else
        {
            NonIp++;
        }
    }
}
