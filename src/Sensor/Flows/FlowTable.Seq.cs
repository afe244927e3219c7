using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>Sequence-space bookkeeping and history letters, as in Zeek's TCP analyzer.</summary>
public sealed partial class FlowTable
{
    private const uint HistSyn = 0x1;
    private const uint HistFin = 0x2;
    private const uint HistRst = 0x4;
    private const uint HistFinRst = 0x8;
    private const uint HistData = 0x10;
    private const uint HistAck = 0x20;
    private const uint HistMultiFlag = 0x40;

    /// <summary>Zeek's IsReuse: a SYN with a new initial sequence number starts a new connection on the same 5-tuple.</summary>
    private static bool IsReuse(in FlowState f, in DecodedPacket p)
    {
        TcpFlags flags = p.TcpFlags;
        if ((flags & TcpFlags.Syn) == 0)
        {
            return false;
        }

        bool ack = (flags & TcpFlags.Ack) != 0;
        if (ack && f.Orig.State != TcpState.Inactive)
        {
            return false;
        }

        Endpoint connOrig = ack ? f.Resp : f.Orig;
        if (!f.AnyClosed)
        {
            if (p.Sequence == connOrig.StartSeq)
            {
                return false;
            }

            if (!ack && connOrig.State == TcpState.SynAckSent && f.Resp.State == TcpState.Inactive
                && p.Sequence == f.Resp.StartSeq)
            {
                return false; // SYN after its SYN-ACK: the reversal is handled by the state machine
            }
        }

        return true;
    }

    private static void InitEndpoint(ref Endpoint ep, bool syn, uint firstSeq, uint lastSeq)
    {
        switch (ep.State)
        {
            case TcpState.Inactive:
                if (syn)
                {
                    ep.AckSeq = ep.StartSeq = firstSeq;
                }
                else
                {
                    // Partial connection: number as though a SYN had been seen, and the first packet is not a duplicate.
                    ep.AckSeq = ep.StartSeq = firstSeq - 1;
                    lastSeq = firstSeq;
                }

                ep.LastSeq = lastSeq;
                break;
            case TcpState.SynSent or TcpState.SynAckSent:
                if (syn && firstSeq != ep.StartSeq)
                {
                    ep.StartSeq = ep.AckSeq = firstSeq;
                    ep.LastSeq = lastSeq;
                }

                break;
            case TcpState.Established or TcpState.Partial:
                if (syn)
                {
                    ep.StartSeq = ep.AckSeq = firstSeq;
                    ep.LastSeq = lastSeq;
                }

                break;
            case TcpState.Reset:
                if (syn && ep.PrevState == TcpState.Inactive)
                {
                    ep.StartSeq = ep.AckSeq = firstSeq;
                    ep.LastSeq = lastSeq;
                }

                break;
        }
    }

    /// <summary>Zeek's get_relative_seq: a 64-bit offset from the endpoint's start, tracking wraps.</summary>
    private static ulong RelativeSeq(uint start, uint current, uint last, uint wraps, out bool underflow)
    {
        underflow = false;
        int delta = (int)(current - last);
        if (delta < 0)
        {
            if (wraps != 0 && current > last)
            {
                wraps--;
            }
        }
        else if (delta > 0 && current < last)
        {
            wraps++;
        }

        if (wraps == 0)
        {
            delta = (int)(current - start);
            underflow = delta < 0;
            return (ulong)(long)delta;
        }

        return ((ulong)wraps << 32) + current - start;
    }

    private static void UpdateHistory(ref FlowState f, ref Endpoint ep, bool isOrig, bool syn, bool fin, bool rst,
        bool ack, ulong relSeq, int len)
    {
        int shift = isOrig ? 0 : 16;
        int bits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
        if (bits > 1)
        {
            if (fin && rst)
            {
                f.CheckHistory(HistFinRst << shift, Letter('I', isOrig));
            }
            else
            {
                f.CheckHistory(HistMultiFlag << shift, Letter('Q', isOrig));
            }
        }
        else if (bits == 1)
        {
            if (syn)
            {
                char code = Letter(ack ? 'H' : 'S', isOrig);
                if (f.CheckHistory(HistSyn << shift, code) && (uint)relSeq != ep.HistLastSyn)
                {
                    f.AddHistory(code);
                }

                ep.HistLastSyn = (uint)relSeq;
            }

            if (fin)
            {
                // A FIN's sequence number counts after its data.
                uint finSeq = (uint)(relSeq + (ulong)len);
                if (f.CheckHistory(HistFin << shift, Letter('F', isOrig)) && finSeq != ep.HistLastFin)
                {
                    f.AddHistory(Letter('F', isOrig));
                }

                ep.HistLastFin = finSeq;
            }

            if (rst)
            {
                if (f.CheckHistory(HistRst << shift, Letter('R', isOrig)) && (uint)relSeq != ep.HistLastRst)
                {
                    f.AddHistory(Letter('R', isOrig));
                }

                ep.HistLastRst = (uint)relSeq;
            }
        }
        else if (len > 0)
        {
            f.CheckHistory(HistData << shift, Letter('D', isOrig));
        }
        else if (ack)
        {
            f.CheckHistory(HistAck << shift, Letter('A', isOrig));
        }
    }

    private static char Letter(char upper, bool isOrig) => isOrig ? upper : (char)(upper | 0x20);

    /// <summary>Zeek's update_last_seq: advances the endpoint's highest sequence, noting retransmissions ('T').</summary>
    private void UpdateLastSeq(ref FlowState f, ref Endpoint ep, bool isOrig, uint lastSeq, bool syn, bool fin,
        bool rst, int len)
    {
        int deltaLast = (int)(lastSeq - ep.LastSeq);
        if ((syn || rst) && (deltaLast > TooLargeSeqDelta || deltaLast < -TooLargeSeqDelta))
        {
            return; // implausible jump in a control packet
        }

        if ((fin && ep.LastSeq == ep.StartSeq + 1) || (ep.State != TcpState.Reset && deltaLast > 0))
        {
            if (lastSeq < ep.LastSeq && ep.SeqWraps < ushort.MaxValue)
            {
                ep.SeqWraps++; // saturates at 256 TB: only a sender jumping 2 GB per segment gets there
            }

            ep.LastSeq = lastSeq;
        }
        else if (ep.State != TcpState.Reset && len > 0)
        {
            ScaledHistory(ref f, isOrig, ScaledCount.Retransmit);
        }
    }

    private static void UpdateAckSeq(ref Endpoint ep, uint ackSeq)
    {
        int delta = (int)(ackSeq - ep.AckSeq);
        if (ackSeq == 0 && delta > TooLargeSeqDelta)
        {
            return; // more likely a broken ack than a wrap landing on 0
        }

        if (delta > 0)
        {
            if (ackSeq < ep.AckSeq && ep.AckWraps < ushort.MaxValue)
            {
                ep.AckWraps++;
            }

            ep.AckSeq = ackSeq;
        }
    }
}
