using System.Buffers;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.S7;

/// <summary>
/// ISO-on-TCP (TCP 102 or a TPKT + COTP CR anywhere): TPKT framing, COTP CR/CC/DR/ER for the connect outcome
/// (reported as an s7comm / s7comm-plus "cotp-connect" session command), DT reassembly up to EOT (64 KiB cap), and
/// the DT payload handed to S7comm (0x32) or S7comm-plus (0x72); other payloads (MMS, ICCP) leave the service "cotp".
/// </summary>
internal sealed partial class IsoSession : IcsSession
{
    private const ulong ConnectKey = 0xFFFF_FFFF;
    private const int MaxFragmentBytes = 64 * 1024;
    private readonly byte[]?[] _fragments = new byte[]?[2];
    private readonly int[] _fragmentLengths = new int[2];
    private bool _confirmed;

    public IsoSession(DissectorContext context)
        : base(context, DissectorKind.Iso)
    {
    }

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        int length = Cotp.FrameLength(data);
        return _confirmed ? length : Framed(length);
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
        int code = Cotp.Code(pdu);
        if (code < 0)
        {
            CountMalformed();
            return;
        }

        CountPdu();
        switch (code)
        {
            case Cotp.ConnectionRequest:
                _confirmed = true;
                ReadConnectRequest(pdu, ticks);
                break;
            case Cotp.ConnectionConfirm:
                _confirmed = true;
                Service ??= Services.Cotp;
                Complete(ConnectKey, IcsClass.Success);
                break;
            case Cotp.DisconnectRequest:
                Complete(ConnectKey, IcsClass.Failure,
                    pdu.Length > 10 ? "disconnect-reason=" + S7Names.Hex(pdu[10]) : "disconnect");
                break;
            case Cotp.Error:
                Complete(ConnectKey, IcsClass.Failure, "tpdu-error");
                break;
            case Cotp.Data:
                OnData(direction, pdu, ticks);
                break;
        }
    }

    public override void OnGap(int direction) => DropFragment(direction);

    public override void OnEnd(long ticks)
    {
        base.OnEnd(ticks);
        DropFragment(0);
        DropFragment(1);
    }

    private void OnData(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
        int headerEnd = 5 + pdu[4];
        if (pdu[4] < 2 || headerEnd > pdu.Length)
        {
            CountMalformed();
            return;
        }

        _confirmed = true;
        bool last = (pdu[6] & 0x80) != 0;
        ReadOnlySpan<byte> data = pdu[headerEnd..];
        if (_fragmentLengths[direction] == 0 && last)
        {
            Dispatch(direction, data, ticks);
            return;
        }

        if (!AppendFragment(direction, data))
        {
            return;
        }

        if (last)
        {
            byte[] buffer = _fragments[direction]!;
            int length = _fragmentLengths[direction];
            Dispatch(direction, buffer.AsSpan(0, length), ticks);
            DropFragment(direction);
        }
    }

    private void Dispatch(int direction, ReadOnlySpan<byte> payload, long ticks)
    {
        if (payload.IsEmpty)
        {
            return;
        }

        switch (payload[0])
        {
            case 0x32:
                OnS7Comm(payload, ticks);
                break;
            case 0x72:
                OnS7CommPlus(payload, ticks);
                break;
            default:
                Service ??= Services.Cotp; // another ISO stack (MMS, ICCP)
                break;
        }
    }

    /// <summary>COTP CR: TSAPs (§1.1) tell the connection type (PG/OP/basic, rack, slot) or the S7comm-plus role.</summary>
    private void ReadConnectRequest(ReadOnlySpan<byte> pdu, long ticks)
    {
        int end = Math.Min(pdu.Length, 5 + pdu[4]);
        string? calling = null, called = null;
        bool ascii = false;
        var r = new SpanReader(pdu[Math.Min(11, end)..end]);
        while (r.U8(out int parameter) && r.U8(out int length) && r.Bytes(length, out ReadOnlySpan<byte> value))
        {
            if (parameter is 0xC1 or 0xC2)
            {
                bool text = value.Length > 2 && IsPrintable(value);
                string tsap = text ? Encoding.ASCII.GetString(value) : Convert.ToHexStringLower(value);
                ascii |= parameter == 0xC2 && text;
                if (parameter == 0xC1)
                {
                    calling = tsap;
                }
                else
                {
                    called = tsap;
                    if (!text && value.Length == 2)
                    {
                        called += ConnectionType(value[0], value[1]);
                    }
                }
            }
        }

        string detail = "calling-tsap=" + (calling ?? "-") + " called-tsap=" + (called ?? "-");
        string protocol = ascii && called!.StartsWith("SIMATIC", StringComparison.Ordinal) ? "s7comm-plus" : "s7comm";
        Await(ConnectKey, new IcsRequest(ticks, protocol, IcsClass.Session, "cotp-connect", Cotp.ConnectionRequest, detail));
    }

    /// <summary>§1.1: TSAP byte 0 = 1 PG (engineering), 2 OP (HMI), 3 S7 basic; byte 1 = rack &lt;&lt; 5 | slot.</summary>
    private static string ConnectionType(byte type, byte rackSlot)
    {
        string kind = type switch { 1 => "PG", 2 => "OP", 3 => "S7-basic", _ => "type" + S7Names.Hex(type) };
        return string.Create(CultureInfo.InvariantCulture, $"({kind} rack {rackSlot >> 5} slot {rackSlot & 0x1F})");
    }

    private static bool IsPrintable(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b is < 0x20 or >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private bool AppendFragment(int direction, ReadOnlySpan<byte> data)
    {
        int needed = _fragmentLengths[direction] + data.Length;
        if (needed > MaxFragmentBytes)
        {
            CountMalformed();
            DropFragment(direction);
            return false;
        }

        byte[]? buffer = _fragments[direction];
        if (buffer is null || buffer.Length < needed)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2048));
            if (buffer is not null)
            {
                buffer.AsSpan(0, _fragmentLengths[direction]).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _fragments[direction] = buffer = bigger;
        }

        data.CopyTo(buffer.AsSpan(_fragmentLengths[direction]));
        _fragmentLengths[direction] = needed;
        return true;
    }

    private void DropFragment(int direction)
    {
        if (_fragments[direction] is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _fragments[direction] = null;
        }

        _fragmentLengths[direction] = 0;
    }
}
