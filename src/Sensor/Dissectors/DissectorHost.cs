using System.Formats.Asn1;
using System.Security.Cryptography;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Reassembly;

namespace AutoRespond.Sensor.Dissectors;

/// <summary>
/// Feeds flows to dissector sessions. A flow is judged once, at its first payload (UDP: first packet) by content
/// (TLS ClientHello/ServerHello, TPKT + COTP CR on any port) and by port (§1.9); a flow nobody wants is marked and
/// costs one comparison per packet after that, with no allocation. Sessions live in a slot array indexed by
/// <see cref="FlowState.Dissector"/>; each TCP session reassembles both directions with pooled buffers.
/// </summary>
internal sealed class DissectorHost : IFlowPayloadObserver
{
    private readonly DissectorContext _context;
    private DissectorSession?[] _sessions = new DissectorSession?[64];
    private readonly Stack<int> _free = new();
    private int _high;

    public DissectorHost(DissectorContext context) => _context = context;

    /// <summary>Sessions alive now.</summary>
    public int ActiveSessions => _high - _free.Count;

    public void OnPacket(ref FlowState flow, bool isOrig, in DecodedPacket packet, long ticks)
    {
        DissectorSession? session = flow.Dissector > 0 ? _sessions[flow.Dissector - 1] : Start(ref flow, isOrig, packet);
        if (session is null)
        {
            return;
        }

        session.Flow.Update(_context.UidSeed, flow);
        try
        {
            if (packet.Protocol == 6)
            {
                FeedTcp(session, isOrig, packet, ticks);
            }
            else
            {
                session.OnDatagram(isOrig ? 0 : 1, packet.Payload, ticks);
            }
        }
        catch (Exception e) when (IsParserFault(e))
        {
            session.Abort();
        }

        flow.Service = session.Service ?? flow.Service;
        if (session.Finished)
        {
            Release(ref flow, session, ticks, flush: false);
        }
    }

    public void OnFlowEnding(ref FlowState flow, long ticks)
    {
        if (flow.Dissector <= 0 || _sessions[flow.Dissector - 1] is not { } session)
        {
            return;
        }

        session.Flow.Update(_context.UidSeed, flow);
        Release(ref flow, session, ticks, flush: true);
    }

    private static void FeedTcp(DissectorSession session, bool isOrig, in DecodedPacket p, long ticks)
    {
        TcpStream mine = (isOrig ? session.Orig : session.Resp)!;
        TcpStream other = (isOrig ? session.Resp : session.Orig)!;
        uint sequence = p.Sequence;
        if ((p.TcpFlags & TcpFlags.Syn) != 0)
        {
            sequence++;
            mine.Expect(sequence);
        }

        if ((p.TcpFlags & TcpFlags.Ack) != 0)
        {
            other.Expect(p.Acknowledgment);
            other.NotePeerAck(p.Acknowledgment, session, ticks);
        }

        if (p.PayloadLength > 0 && (p.TcpFlags & TcpFlags.Rst) == 0)
        {
            mine.OnSegment(sequence, p.Payload, p.PayloadLength, session, ticks);
        }
    }

    /// <summary>Judges a flow at its first payload: a new session, or none (the flow is marked and left alone).</summary>
    private DissectorSession? Start(ref FlowState flow, bool isOrig, in DecodedPacket p)
    {
        int respPort = flow.OrigIsA ? flow.Key.PortB : flow.Key.PortA;
        int origPort = flow.OrigIsA ? flow.Key.PortA : flow.Key.PortB;
        DissectorSession? session;
        if (p.Protocol == 17)
        {
            session = StartUdp(ref flow, p.Payload, respPort, origPort);
        }
        else
        {
            if (p.PayloadLength == 0 || (p.TcpFlags & TcpFlags.Rst) != 0)
            {
                return null; // undecided until the first payload
            }

            // A first payload that is not the stream's first byte (out of order) cannot be sniffed: wait for the one that
            // is, unless the port decides (reassembly then puts the bytes in order).
            ref Endpoint sender = ref isOrig ? ref flow.Orig : ref flow.Resp;
            uint dataSequence = p.Sequence + ((p.TcpFlags & TcpFlags.Syn) != 0 ? 1u : 0u);
            bool firstByte = dataSequence == sender.StartSeq + 1;
            if (!firstByte && Sniffer.TcpKind(respPort) is null && Sniffer.TcpKind(origPort) is null)
            {
                return null;
            }

            var kind = Sniffer.ChooseTcp(firstByte ? p.Payload : [], respPort, origPort, out bool serverIsOrig)
                ?? (firstByte && isOrig && Http.HttpHead.LooksLikeRequest(p.Payload) ? DissectorKind.Http : null);
            session = kind switch
            {
                DissectorKind.Tls => new Tls.TlsSession(_context),
                DissectorKind.Rdp => new Rdp.RdpSession(_context),
                DissectorKind.Iso => new S7.IsoSession(_context),
                DissectorKind.Modbus => new Modbus.ModbusSession(_context),
                DissectorKind.Dnp3 => new Dnp3.Dnp3Session(_context),
                DissectorKind.Enip => new Enip.EnipSession(_context),
                DissectorKind.Http => new Http.HttpSession(_context),
                _ => null,
            };
            if (session is not null)
            {
                session.Flow.RolesSwapped = serverIsOrig;
                session.Orig = new TcpStream(0, _context.Options.Reassembly, _context.Reassembly);
                session.Resp = new TcpStream(1, _context.Options.Reassembly, _context.Reassembly);
                if (flow.Orig.State != TcpState.Inactive)
                {
                    session.Orig.Expect(flow.Orig.StartSeq + 1); // the first data byte after the SYN (or first seen)
                }

                if (flow.Resp.State != TcpState.Inactive)
                {
                    session.Resp.Expect(flow.Resp.StartSeq + 1);
                }
            }
        }

        if (session is null)
        {
            if (flow.Dissector == 0)
            {
                flow.Dissector = -1;
            }

            return null;
        }

        int slot = _free.Count > 0 ? _free.Pop() : _high++;
        if (slot == _sessions.Length)
        {
            Array.Resize(ref _sessions, _sessions.Length * 2);
        }

        _sessions[slot] = session;
        flow.Dissector = slot + 1;
        return session;
    }

    private DissectorSession? StartUdp(ref FlowState flow, ReadOnlySpan<byte> payload, int respPort, int origPort)
    {
        DissectorKind? kind = Sniffer.UdpKind(respPort) ?? Sniffer.UdpKind(origPort);
        bool serverIsOrig = Sniffer.UdpKind(respPort) is null;
        switch (kind)
        {
            case DissectorKind.Dhcp:
                return new Dhcp.DhcpSession(_context);
            case DissectorKind.Dnp3:
                return new Dnp3.Dnp3Session(_context) { Flow = { RolesSwapped = serverIsOrig } };
            case DissectorKind.Enip:
                return new Enip.EnipSession(_context) { Flow = { RolesSwapped = serverIsOrig } };
            case DissectorKind.Dns when respPort == 53 || origPort == 53:
                return new Dns.DnsSession(_context) { Flow = { RolesSwapped = respPort != 53 } };
            case DissectorKind.Dns or DissectorKind.Cip:
                // Service-only recognisers: no session, no allocation.
                DissectorKind k = kind.Value;
                _context.Stats.Flows[(int)k]++;
                bool valid = k == DissectorKind.Dns ? Sniffer.LooksLikeDns(payload) : Sniffer.LooksLikeCipIo(payload);
                _context.Stats.Pdus[(int)k] += valid ? 1 : 0;
                _context.Stats.Mismatches[(int)k] += valid ? 0 : 1;
                flow.Service = valid ? (k == DissectorKind.Dns ? Services.Dns : Services.Cip) : flow.Service;
                flow.Dissector = -1;
                return null;
            default:
                return null;
        }
    }

    private void Release(ref FlowState flow, DissectorSession session, long ticks, bool flush)
    {
        try
        {
            if (flush)
            {
                session.Orig?.Flush(session, ticks);
                session.Resp?.Flush(session, ticks);
            }

            session.OnEnd(ticks);
        }
        catch (Exception e) when (IsParserFault(e))
        {
            session.Abort();
        }

        session.Orig?.Close();
        session.Resp?.Close();
        flow.Service = session.Service ?? flow.Service;
        _sessions[flow.Dissector - 1] = null;
        _free.Push(flow.Dissector - 1);
        flow.Dissector = -1;
    }

    /// <summary>Exceptions a parser bug can raise on hostile input; caught so the packet loop never stops.</summary>
    private static bool IsParserFault(Exception e)
        => e is IndexOutOfRangeException or ArgumentException or InvalidOperationException or OverflowException
            or FormatException or NotSupportedException or CryptographicException or AsnContentException;
}
