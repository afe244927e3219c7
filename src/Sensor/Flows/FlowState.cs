using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>Zeek's TCP endpoint states (init-bare.zeek TCP_INACTIVE .. TCP_RESET).</summary>
internal enum TcpState : byte
{
    Inactive = 0,
    SynSent = 1,
    SynAckSent = 2,
    Partial = 3,
    Established = 4,
    Closed = 5,
    Reset = 6,
}

/// <summary>
/// One side of a flow: Zeek's TCP_Endpoint fields that matter for conn.log, plus ConnSize counters. 48 bytes: the
/// scaled-history counters (retransmissions, zero windows, bad checksums), which most flows never need, live in the
/// table's <see cref="FlowTable"/> side store instead.
/// </summary>
internal struct Endpoint
{
    public TcpState State;
    public TcpState PrevState;
    private byte _flags;

    public bool DidClose
    {
        readonly get => (_flags & DidCloseFlag) != 0;
        set => SetFlag(DidCloseFlag, value);
    }

    public bool SawFin
    {
        readonly get => (_flags & SawFinFlag) != 0;
        set => SetFlag(SawFinFlag, value);
    }

    /// <summary>UDP/ICMP: a packet was seen (Zeek's request_len/reply_len &gt;= 0).</summary>
    public bool Active
    {
        readonly get => (_flags & ActiveFlag) != 0;
        set => SetFlag(ActiveFlag, value);
    }

    private const byte DidCloseFlag = 1, SawFinFlag = 2, ActiveFlag = 4;

    private void SetFlag(byte flag, bool value) => _flags = value ? (byte)(_flags | flag) : (byte)(_flags & ~flag);

    public uint StartSeq;
    public uint LastSeq;
    public uint AckSeq;
    public ushort SeqWraps;
    public ushort AckWraps;
    public uint HistLastSyn;
    public uint HistLastFin;
    public uint HistLastRst;

    /// <summary>
    /// UDP/ICMP payload bytes (Zeek sizes these from lengths, TCP from sequence numbers), kept in the place of
    /// <see cref="StartSeq"/> and <see cref="LastSeq"/>, which only TCP uses.
    /// </summary>
    public long PayloadBytes
    {
        readonly get => (long)((ulong)LastSeq << 32 | StartSeq);
        set
        {
            StartSeq = (uint)value;
            LastSeq = (uint)((ulong)value >> 32);
        }
    }
    public long Packets;
    public long IpBytes;
}

[InlineArray(Capacity)]
internal struct HistoryBuffer
{
    public const int Capacity = 24;
    private byte _first;
}

/// <summary>
/// A tracked flow; lives in the table's slot pages and is updated in place. 224 bytes, no references (the garbage
/// collector never scans the flow pages), laid out by use: the first 64 bytes hold what every packet reads (the key,
/// the last packet time, the flags, the history bits, the dissector), the next 96 the two endpoints, the rest what only
/// a flow's start, its timers and its record need.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FlowState
{
    // --- every packet (64 bytes) ---
    public FlowKey Key;
    public long LastTicks;

    /// <summary>Zeek's hist_seen: low 16 bits originator, high 16 bits responder (never swapped on a flip).</summary>
    public uint HistorySeen;

    /// <summary>Dissector session: 0 undecided, &gt; 0 a session id (Dissectors/DissectorHost), &lt; 0 none wanted.</summary>
    public int Dissector;
    private byte _flags;
    public InactivityClass Inactivity;
    public byte HistoryLength;
    private byte _service;
    public short Vlan;

    // --- the endpoints (96 bytes) ---
    public Endpoint Orig;
    public Endpoint Resp;

    // --- start, timers, record (64 bytes) ---

    /// <summary>Creation counter (1-based) from which the uid is derived; 0 marks a free slot.</summary>
    public long Serial;
    public long StartTicks;

    /// <summary>Analyzer timers scheduled at or before this queue sequence number were cancelled (or are another flow's).</summary>
    public long AnalyzerEpoch;
    public MacAddress OrigMac;
    public MacAddress RespMac;
    public HistoryBuffer History;

    /// <summary>The originator is key endpoint A.</summary>
    public bool OrigIsA
    {
        readonly get => (_flags & OrigIsAFlag) != 0;
        set => SetFlag(OrigIsAFlag, value);
    }

    /// <summary>Zeek's is_active: cleared once the connection finished, was reset or its attempt timed out.</summary>
    public bool IsActive
    {
        readonly get => (_flags & IsActiveFlag) != 0;
        set => SetFlag(IsActiveFlag, value);
    }

    public bool AttemptReported
    {
        readonly get => (_flags & AttemptReportedFlag) != 0;
        set => SetFlag(AttemptReportedFlag, value);
    }

    public bool AttemptPending
    {
        readonly get => (_flags & AttemptPendingFlag) != 0;
        set => SetFlag(AttemptPendingFlag, value);
    }

    /// <summary>The flow has scaled-history counters in the table's side store.</summary>
    public bool HasScaledCounts
    {
        readonly get => (_flags & ScaledCountsFlag) != 0;
        set => SetFlag(ScaledCountsFlag, value);
    }

    private const byte OrigIsAFlag = 1, IsActiveFlag = 2, AttemptReportedFlag = 4, AttemptPendingFlag = 8, ScaledCountsFlag = 16;

    private void SetFlag(byte flag, bool value) => _flags = value ? (byte)(_flags | flag) : (byte)(_flags & ~flag);

    /// <summary>
    /// conn.log service once a dissector confirmed its protocol, kept as a one-byte index into the static names
    /// (<see cref="Dissectors.Services"/>).
    /// </summary>
    public string? Service
    {
        readonly get => Dissectors.Services.NameOf(_service);
        set
        {
            if (!ReferenceEquals(Dissectors.Services.NameOf(_service), value))
            {
                _service = Dissectors.Services.IdOf(value);
            }
        }
    }

    public readonly bool IsTcp => Key.Protocol == 6;

    public readonly bool BothClosed => Orig.DidClose && Resp.DidClose;

    public readonly bool AnyClosed => Orig.DidClose || Resp.DidClose;

    public void AddHistory(char code)
    {
        if (HistoryLength < HistoryBuffer.Capacity)
        {
            History[HistoryLength++] = (byte)code;
        }
    }

    /// <summary>Adds <paramref name="code"/> the first time <paramref name="mask"/> is seen; true if it was seen before.</summary>
    public bool CheckHistory(uint mask, char code)
    {
        if ((HistorySeen & mask) == 0)
        {
            HistorySeen |= mask;
            AddHistory(code);
            return false;
        }

        return true;
    }

    /// <summary>Zeek's ScaledHistoryEntry: the letter again at the 1st, 10th, 100th, ... occurrence.</summary>
    public void ScaledHistory(char code, ref uint counter)
    {
        counter = counter == uint.MaxValue ? uint.MaxValue : counter + 1;
        uint threshold = 1;
        while (threshold < counter && threshold <= uint.MaxValue / 10)
        {
            threshold *= 10;
        }

        if (threshold == counter)
        {
            AddHistory(code);
        }
    }

    public readonly string HistoryString()
    {
        Span<char> chars = stackalloc char[HistoryBuffer.Capacity];
        for (int i = 0; i < HistoryLength; i++)
        {
            chars[i] = (char)History[i];
        }

        return new string(chars[..HistoryLength]);
    }
}
