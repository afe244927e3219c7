using AutoRespond.Sensor.Decoding;

namespace AutoRespond.Sensor.Flows;

/// <summary>Zeek's TCP connection logic (TCPSessionAdapter / TCP_Endpoint), re-expressed over <see cref="FlowState"/>.</summary>
public sealed partial class FlowTable
{
    private const int TooLargeSeqDelta = 1_048_576;

    /// <summary>Accounts a TCP packet; false when it was dropped for a bad checksum.</summary>
    private bool ProcessTcp(int slot, bool isOrig, in DecodedPacket p, long ticks)
    {
        ref FlowState f = ref Flow(slot);
        TcpFlags flags = p.TcpFlags;
        bool syn = (flags & TcpFlags.Syn) != 0, fin = (flags & TcpFlags.Fin) != 0;
        bool rst = (flags & TcpFlags.Rst) != 0, ack = (flags & TcpFlags.Ack) != 0;
        int len = p.PayloadLength;

        if (_options.VerifyChecksums && !Checksums.TransportValid(p))
        {
            ScaledHistory(ref f, isOrig, ScaledCount.Checksum);
            return false;
        }

        // A flow that began with a SYN-ACK and now sees an ACK or data was picked up mid-handshake: the SYN-ACK
        // sender is the server (Zeek flips such connections, zeek/zeek#2191).
        if (f.Orig.State == TcpState.SynAckSent && f.Resp.State == TcpState.Inactive && !syn && !fin && !rst
            && (ack || len > 0))
        {
            FlipRoles(ref f);
            isOrig = !isOrig;
            SetState(slot, ref f.Resp, ref f.Orig, TcpState.Established);
        }

        ref Endpoint ep = ref isOrig ? ref f.Orig : ref f.Resp;
        ref Endpoint peer = ref isOrig ? ref f.Resp : ref f.Orig;

        uint baseSeq = p.Sequence, ackSeq = p.Acknowledgment;
        int segLength = rst ? 0 : len;
        segLength += (syn ? 1 : 0) + (fin ? 1 : 0);
        uint seqOnePast = baseSeq + (uint)segLength;

        InitEndpoint(ref ep, syn, baseSeq, seqOnePast);
        ulong relSeq = RelativeSeq(ep.StartSeq, baseSeq, ep.LastSeq, ep.SeqWraps, out _);
        UpdateHistory(ref f, ref ep, isOrig, syn, fin, rst, ack, relSeq, len);
        if (p.Window == 0 && !rst && peer.State != TcpState.Closed && ep.State != TcpState.Reset)
        {
            ScaledHistory(ref f, isOrig, ScaledCount.ZeroWindow);
        }

        if (!f.BothClosed)
        {
            f.LastTicks = ticks;
        }

        if (fin)
        {
            ep.SawFin = true;
        }

        if (ack)
        {
            if (peer.State == TcpState.Inactive)
            {
                peer.StartSeq = peer.AckSeq = peer.LastSeq = ackSeq - 1; // Zeek's init_peer
            }
            else
            {
                RelativeSeq(peer.StartSeq, ackSeq, peer.AckSeq, peer.AckWraps, out bool ackUnderflow);
                if (!ackUnderflow && !rst)
                {
                    UpdateAckSeq(ref peer, ackSeq);
                }
            }
        }

        UpdateLastSeq(ref f, ref ep, isOrig, seqOnePast, syn, fin, rst, len);
        bool doClose = false, genEvent = false;
        switch (ep.State)
        {
            case TcpState.Inactive:
                bool flipped = UpdateInactive(slot, ref f, ref ep, ref peer, isOrig, baseSeq, len, flags, ref doClose,
                    ref genEvent, ticks);
                if (flipped)
                {
                    isOrig = !isOrig;
                    ep = ref isOrig ? ref f.Orig : ref f.Resp;
                    peer = ref isOrig ? ref f.Resp : ref f.Orig;
                }

                break;
            case TcpState.SynSent or TcpState.SynAckSent:
                if (fin)
                {
                    SetState(slot, ref ep, ref peer, TcpState.Closed);
                    doClose = genEvent = true;
                }

                if (rst)
                {
                    SetState(slot, ref ep, ref peer, TcpState.Reset);
                    f.IsActive = false; // ConnectionReset
                    doClose = true;
                }

                break;
            case TcpState.Established or TcpState.Partial:
                UpdateEstablished(slot, ref f, ref ep, ref peer, syn, fin, rst, ack, ref doClose, ref genEvent);
                break;
            case TcpState.Closed:
                if (rst && peer.State != TcpState.Closed)
                {
                    SetState(slot, ref ep, ref peer, TcpState.Reset);
                    doClose |= !ep.DidClose;
                    Schedule(slot, TimerKind.Reset, TimerRing.Reset, ticks + _options.TcpResetDelay.Ticks);
                }

                break;
        }

        if (doClose)
        {
            ConnectionClosed(slot, ref f, ref ep, ref peer, genEvent);
        }

        ep.Packets++;
        ep.IpBytes += p.IpTotalLength;
        return true;
    }

    /// <summary>UpdateInactiveState; returns true when a SYN/SYN-ACK reversal flipped the roles.</summary>
    private bool UpdateInactive(int slot, ref FlowState f, ref Endpoint ep, ref Endpoint peer, bool isOrig, uint baseSeq,
        int len, TcpFlags flags, ref bool doClose, ref bool genEvent, long ticks)
    {
        bool syn = (flags & TcpFlags.Syn) != 0, ack = (flags & TcpFlags.Ack) != 0;
        bool flipped = false;
        if (syn)
        {
            if (isOrig)
            {
                SetState(slot, ref ep, ref peer, ack ? TcpState.SynAckSent : TcpState.SynSent);
                if (_options.TcpAttemptDelay > TimeSpan.Zero)
                {
                    Schedule(slot, TimerKind.Attempt, TimerRing.Attempt, ticks + _options.TcpAttemptDelay.Ticks);
                }
            }
            else
            {
                if (!ack && peer.State == TcpState.SynAckSent && baseSeq == ep.StartSeq)
                {
                    // SYN and SYN-ACK seen in reverse order: the SYN sender is the originator.
                    FlipRoles(ref f);
                    flipped = true;
                    SetState(slot, ref f.Resp, ref f.Orig, TcpState.Established);
                }

                ref Endpoint me = ref flipped ? ref f.Orig : ref ep;
                ref Endpoint other = ref flipped ? ref f.Resp : ref peer;
                if (other.State == TcpState.SynSent)
                {
                    SetState(slot, ref other, ref me, TcpState.Established);
                }

                SetState(slot, ref me, ref other, TcpState.Established);
                if (flipped)
                {
                    return true;
                }
            }
        }

        if ((flags & TcpFlags.Fin) != 0)
        {
            SetState(slot, ref ep, ref peer, TcpState.Closed);
            doClose = genEvent = true;
        }

        if ((flags & TcpFlags.Rst) != 0)
        {
            SetState(slot, ref ep, ref peer, TcpState.Reset);
            bool reject = isOrig ? peer.State == TcpState.Established : peer.State is TcpState.SynSent or TcpState.SynAckSent;
            doClose = true;
            genEvent = !reject;
        }

        if (ep.State == TcpState.Inactive)
        {
            if (!isOrig && len == 0 && f.Orig.State == TcpState.SynSent)
            {
                // an ACK of the SYN before the SYN-ACK does not make a partial connection
            }
            else if (ack && peer.State == TcpState.Established)
            {
                SetState(slot, ref ep, ref peer, TcpState.Established);
            }
            else
            {
                SetState(slot, ref ep, ref peer, TcpState.Partial);
            }
        }

        return flipped;
    }

    private void UpdateEstablished(int slot, ref FlowState f, ref Endpoint ep, ref Endpoint peer, bool syn, bool fin,
        bool rst, bool ack, ref bool doClose, ref bool genEvent)
    {
        if (syn && ep.State == TcpState.Partial && peer.State == TcpState.Inactive && !ack)
        {
            SetState(slot, ref ep, ref peer, TcpState.SynSent);
        }

        if (fin && !rst)
        {
            SetState(slot, ref ep, ref peer, TcpState.Closed);
            if (peer.State == TcpState.Reset && peer.PrevState == TcpState.Closed)
            {
                SetState(slot, ref peer, ref ep, TcpState.Closed); // FIN then RST was a normal close
            }

            doClose = genEvent = true;
        }

        if (rst)
        {
            SetState(slot, ref ep, ref peer, TcpState.Reset);
            doClose = true;
            if (peer.State != TcpState.Reset || peer.PrevState != TcpState.Established)
            {
                f.IsActive = false; // ConnectionReset
            }
        }
    }

    /// <summary>Zeek's ConnectionClosed: once both sides are done the flow lingers for tcp_close_delay.</summary>
    private void ConnectionClosed(int slot, ref FlowState f, ref Endpoint ep, ref Endpoint peer, bool genEvent)
    {
        if (ep.DidClose)
        {
            return;
        }

        ep.DidClose = true;
        bool complete = ep.State == TcpState.Reset || peer.DidClose || peer.State == TcpState.Inactive;
        if (complete)
        {
            if (genEvent && (ep.PrevState != TcpState.Inactive || peer.State != TcpState.Inactive))
            {
                f.IsActive = false; // ConnectionFinished
            }

            CancelAnalyzerTimers(slot);
            Schedule(slot, TimerKind.ConnDelete, TimerRing.ConnDelete, f.LastTicks + _options.TcpCloseDelay.Ticks);
        }
        else if (ep.PrevState != TcpState.Inactive)
        {
            Schedule(slot, TimerKind.Expire, TimerRing.SessionExpire, f.LastTicks + _options.TcpSessionTimer.Ticks);
        }
    }

    /// <summary>Endpoint state change; leaving the handshake switches to the TCP inactivity timeout.</summary>
    private void SetState(int slot, ref Endpoint ep, ref Endpoint peer, TcpState state)
    {
        if (state == ep.State)
        {
            return;
        }

        if (!IsHandshake(state) && IsHandshake(ep.State) && IsHandshake(peer.State))
        {
            SetInactivityTimeout(slot, InactivityClass.Tcp);
        }

        ep.PrevState = ep.State;
        ep.State = state;
    }

    private static bool IsHandshake(TcpState s) => s is TcpState.Inactive or TcpState.SynSent or TcpState.SynAckSent;
}
