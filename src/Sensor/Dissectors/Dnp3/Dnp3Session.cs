using System.Buffers;
using System.Globalization;
using System.Text;

namespace AutoRespond.Sensor.Dissectors.Dnp3;

/// <summary>
/// DNP3 over TCP or UDP 20000 (DETECTION.md §1.5): link frames (0x05 0x64, header CRC checked), user data with the
/// per-16-byte CRCs stripped, transport FIR…FIN reassembly per direction, then the application layer: requests
/// (function &lt; 0x80, CONFIRM excepted) are classified with their object headers and matched by application
/// sequence to the response, whose IIN2 error bits (no function support, unknown object, parameter error, already
/// executing, configuration corrupt) make the outcome a failure. Unsolicited responses are not commands.
/// </summary>
internal sealed class Dnp3Session : IcsSession
{
    private const string Protocol = "dnp3";
    private const int MaxFragmentBytes = 64 * 1024;
    private readonly byte[]?[] _fragments = new byte[]?[2];
    private readonly int[] _lengths = new int[2];
    private readonly bool[] _assembling = new bool[2];

    public Dnp3Session(DissectorContext context)
        : base(context, DissectorKind.Dnp3)
    {
    }

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        return Framed(Frame(data));
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> frame, long ticks) => OnFrame(direction, frame, ticks);

    public override void OnDatagram(int direction, ReadOnlySpan<byte> payload, long ticks)
    {
        while (!payload.IsEmpty)
        {
            int length = Frame(payload);
            if (length <= 0 || length > payload.Length)
            {
                CountMalformed();
                return;
            }

            OnFrame(direction, payload[..length], ticks);
            payload = payload[length..];
        }
    }

    public override void OnGap(int direction) => Drop(direction);

    public override void OnEnd(long ticks)
    {
        base.OnEnd(ticks);
        Drop(0);
        Drop(1);
    }

    /// <summary>Link frame length: 10-byte header + user data + a CRC per 16 bytes; -1 when not DNP3.</summary>
    private static int Frame(ReadOnlySpan<byte> d)
    {
        if ((d.Length >= 1 && d[0] != 0x05) || (d.Length >= 2 && d[1] != 0x64) || (d.Length >= 3 && d[2] < 5))
        {
            return -1;
        }

        if (d.Length < 3)
        {
            return 0;
        }

        int user = d[2] - 5;
        return 10 + user + (2 * ((user + 15) / 16));
    }

    private void OnFrame(int direction, ReadOnlySpan<byte> frame, long ticks)
    {
        if (!Dnp3Crc.Check(frame[..8], frame[8..10]))
        {
            CountMalformed();
            return;
        }

        CountPdu();
        Service = Services.Dnp3;
        int control = frame[3];
        if ((control & 0x40) == 0 || (control & 0x0F) is not (3 or 4) || frame.Length <= 10)
        {
            return; // link-layer service frame, no user data
        }

        Span<byte> user = stackalloc byte[250];
        int length = 0;
        for (int offset = 10; offset < frame.Length; offset += 18)
        {
            int block = Math.Min(16, frame.Length - offset - 2);
            if (block <= 0 || !Dnp3Crc.Check(frame.Slice(offset, block), frame[(offset + block)..]))
            {
                CountMalformed();
                return;
            }

            frame.Slice(offset, block).CopyTo(user[length..]);
            length += block;
        }

        OnTransport(direction, user[..length], ticks);
    }

    private void OnTransport(int direction, ReadOnlySpan<byte> segment, long ticks)
    {
        bool first = (segment[0] & 0x40) != 0, final = (segment[0] & 0x80) != 0;
        ReadOnlySpan<byte> data = segment[1..];
        if (first && final)
        {
            Drop(direction);
            OnApplication(data, ticks);
            return;
        }

        if (first)
        {
            Drop(direction);
            _assembling[direction] = true;
        }

        if (!_assembling[direction] || !Append(direction, data))
        {
            return;
        }

        if (final)
        {
            OnApplication(_fragments[direction].AsSpan(0, _lengths[direction]), ticks);
            Drop(direction);
        }
    }

    private void OnApplication(ReadOnlySpan<byte> app, long ticks)
    {
        if (app.Length < 2)
        {
            CountMalformed();
            return;
        }

        int sequence = app[0] & 0x0F, function = app[1];
        if (function is 0x81 or 0x83)
        {
            int iin = app.Length >= 4 ? (app[2] << 8) | app[3] : 0;
            bool failed = (iin & 0x37) != 0;
            string outcome = failed ? IcsClass.Failure : IcsClass.Success;
            string? extra = failed ? "iin=0x" + iin.ToString("x4", CultureInfo.InvariantCulture) : null;
            if (!Complete((ulong)sequence, outcome, extra))
            {
                CompleteOldest(outcome, extra); // a master has one request outstanding; some outstations renumber
            }

            return;
        }

        if (function >= 0x80 || function == 0x00)
        {
            return; // unsolicited responses and CONFIRMs are not commands
        }

        (string name, string cls, bool critical) = Dnp3Names.Function(function);
        string? objects = Objects(app[2..], all: function == 0x01, out bool deviceAttributes);
        cls = function == 0x01 && deviceAttributes ? IcsClass.Discover : cls;
        var request = new IcsRequest(ticks, Protocol, cls, name, function, objects, critical);
        if (Dnp3Names.ExpectsNoResponse(function))
        {
            Report(request, IcsClass.Unknown);
        }
        else
        {
            Await((ulong)sequence, request);
        }
    }

    /// <summary>Object headers as "objects=g60v2,g60v3" (all of a READ, the first otherwise; up to 8).</summary>
    private static string? Objects(ReadOnlySpan<byte> data, bool all, out bool deviceAttributes)
    {
        deviceAttributes = false;
        var sb = new StringBuilder();
        var r = new SpanReader(data);
        for (int n = 0; n < 8 && r.U8(out int group) && r.U8(out int variation) && r.U8(out int qualifier); n++)
        {
            sb.Append(n == 0 ? "objects=" : ",").Append('g').Append(group).Append('v').Append(variation);
            deviceAttributes |= group == 0;
            int range = qualifier & 0x0F, prefix = (qualifier >> 4) & 0x07;
            int count = 0;
            bool ok = range switch
            {
                0x0 or 0x3 => r.U8(out int a) && r.U8(out int b) && (count = b - a + 1) >= 0,
                0x1 or 0x4 => r.U16Le(out int a) && r.U16Le(out int b) && (count = b - a + 1) >= 0,
                0x2 or 0x5 => r.Skip(8),
                0x6 => true,
                0x7 => r.U8(out count),
                0x8 => r.U16Le(out count),
                0x9 => r.Skip(4),
                _ => false,
            };
            int prefixBytes = prefix switch { 1 or 4 => 1, 2 or 5 => 2, 3 or 6 => 4, _ => 0 };
            if (!all || !ok || !r.Skip(count * prefixBytes))
            {
                break;
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private bool Append(int direction, ReadOnlySpan<byte> data)
    {
        int needed = _lengths[direction] + data.Length;
        if (needed > MaxFragmentBytes)
        {
            CountMalformed();
            Drop(direction);
            return false;
        }

        byte[]? buffer = _fragments[direction];
        if (buffer is null || buffer.Length < needed)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2048));
            buffer?.AsSpan(0, _lengths[direction]).CopyTo(bigger);
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _fragments[direction] = buffer = bigger;
        }

        data.CopyTo(buffer.AsSpan(_lengths[direction]));
        _lengths[direction] = needed;
        return true;
    }

    private void Drop(int direction)
    {
        if (_fragments[direction] is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _fragments[direction] = null;
        }

        _lengths[direction] = 0;
        _assembling[direction] = false;
    }
}
