using System.Buffers.Binary;
using System.Text;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Dissectors.Tls;

namespace AutoRespond.Sensor.Dissectors.Rdp;

/// <summary>
/// RDP (DETECTION.md §1.8): the client's X.224 Connection Request (cookie <c>mstshash=</c>, routing token,
/// RDP_NEG_REQ flags and requested protocols) and the server's Connection Confirm (RDP_NEG_RSP selected protocol or
/// RDP_NEG_FAILURE code), reported together at the CC; when the server selects TLS/CredSSP the following TLS
/// handshake is followed too (TLS hello/certificate events for the RDP flow).
/// </summary>
internal sealed class RdpSession : DissectorSession, TlsHandshake.IOwner
{
    private TlsHandshake? _tls;
    private bool _requestSeen;
    private bool _reported;
    private long _requestTicks;
    private string? _cookie;
    private string? _routingToken;
    private int _flags;
    private int _requested;
    private int? _selected;
    private int? _failure;
    private bool _confirmed;

    public RdpSession(DissectorContext context)
        : base(context, DissectorKind.Rdp)
    {
    }

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        int length = data.Length > 0 && data[0] == 0x03 ? Cotp.FrameLength(data)
            : _confirmed && _selected is > 0 ? TlsHandshake.FrameLength(data) : -1;
        return _requestSeen ? length : Framed(length);
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
        CountPdu();
        if (pdu[0] != 0x03)
        {
            _tls ??= new TlsHandshake(this);
            _tls.OnRecord(direction, pdu, ticks);
            Finished |= _tls.Done;
            return;
        }

        int code = Cotp.Code(pdu);
        if (direction == 0 && !_requestSeen)
        {
            if (code != Cotp.ConnectionRequest)
            {
                Mismatch();
                return;
            }

            ReadRequest(Cotp.ConnectVariablePart(pdu), ticks);
        }
        else if (direction == 1 && _requestSeen && !_reported)
        {
            if (code == Cotp.ConnectionConfirm)
            {
                _confirmed = true;
                ReadConfirm(Cotp.ConnectVariablePart(pdu));
            }
            else if (code < 0)
            {
                CountMalformed();
            }

            Report();
            Finished = !_confirmed || _selected is null or 0; // standard RDP security: nothing more to learn
        }
        else if (_reported && _selected is null or 0)
        {
            Finished = true;
        }
    }

    public override void OnGap(int direction) => _tls?.OnGap(direction);

    public override void OnEnd(long ticks)
    {
        Report();
        _tls?.Finish();
    }

    private void ReadRequest(ReadOnlySpan<byte> data, long ticks)
    {
        _requestSeen = true;
        _requestTicks = ticks;
        Service = Services.Rdp;
        int eol = data.IndexOf("\r\n"u8);
        if (eol >= 0 && data.StartsWith("Cookie: mstshash="u8))
        {
            _cookie = Encoding.Latin1.GetString(data[17..eol]);
            data = data[(eol + 2)..];
        }
        else if (eol >= 0 && data.Length > 0 && data[0] is >= 0x20 and < 0x7F)
        {
            ReadOnlySpan<byte> token = data[..eol];
            _routingToken = Encoding.Latin1.GetString(token.StartsWith("Cookie: "u8) ? token[8..] : token);
            data = data[(eol + 2)..];
        }

        if (data.Length >= 8 && data[0] == 0x01)
        {
            _flags = data[1];
            _requested = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        }
        else if (!data.IsEmpty && data[0] == 0x01)
        {
            CountMalformed();
        }
    }

    private void ReadConfirm(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[0] == 0x02)
        {
            _selected = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        }
        else if (data.Length >= 8 && data[0] == 0x03)
        {
            _failure = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        }
        else if (data.IsEmpty)
        {
            _selected = 0; // a legacy server without negotiation: standard RDP security
        }
        else
        {
            CountMalformed();
        }
    }

    private void Report()
    {
        if (!_requestSeen || _reported)
        {
            return;
        }

        _reported = true;
        Publish(new RdpRequestSeen(Time(_requestTicks), Flow.Uid, Flow.Client, Flow.Server, Flow.ServerPort,
            _cookie, _requested, (_flags & 0x01) != 0, _routingToken, _flags, _selected, _failure, _confirmed));
    }

    DateTimeOffset TlsHandshake.IOwner.EventTime(long ticks) => Time(ticks);

    void TlsHandshake.IOwner.PublishEvent(NetworkEvent networkEvent) => Publish(networkEvent);

    void TlsHandshake.IOwner.CountTlsPdu()
    {
    }

    void TlsHandshake.IOwner.CountTlsMalformed() => CountMalformed();

    void TlsHandshake.IOwner.TlsConfirmed() => Service = Services.RdpSsl;
}
