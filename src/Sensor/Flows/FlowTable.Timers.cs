namespace AutoRespond.Sensor.Flows;

public sealed partial class FlowTable
{
    private readonly PriorityQueue<TimerEntry, TimerPriority> _timers;
    private readonly long _tcpTimeout;
    private readonly long _udpTimeout;
    private readonly long _icmpTimeout;
    private ulong _token;
    private long _timerSequence;

    private enum TimerKind : byte
    {
        /// <summary>Connection inactivity timer (cancelled only by a new inactivity timeout).</summary>
        Inactivity,

        /// <summary>TCP analyzer timers below: all cancelled together when the connection closes.</summary>
        Expire,
        Attempt,
        Reset,

        /// <summary>Scheduled after the close, so it survives the cancellation.</summary>
        ConnDelete,
    }

    private readonly record struct TimerEntry(int Slot, ulong Token, TimerKind Kind);

    private readonly record struct TimerPriority(long Deadline, long Sequence) : IComparable<TimerPriority>
    {
        public int CompareTo(TimerPriority other)
            => Deadline != other.Deadline ? Deadline.CompareTo(other.Deadline) : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>Fires every timer due at or before <paramref name="ticks"/> (packet time), in deadline order.</summary>
    public void AdvanceTime(long ticks)
    {
        AdvanceClock(ticks);
        while (_timers.TryPeek(out TimerEntry entry, out TimerPriority due) && due.Deadline <= _now)
        {
            _timers.Dequeue();
            ref FlowState f = ref _flows[entry.Slot];
            if (f.Serial == 0)
            {
                continue;
            }

            if (entry.Kind == TimerKind.Inactivity ? entry.Token == f.InactivityToken : entry.Token == f.TimerToken)
            {
                Fire(entry.Slot, entry.Kind, due.Deadline);
            }
        }
    }

    private ulong NextToken() => ++_token;

    private void Schedule(int slot, TimerKind kind, long deadline)
    {
        ref FlowState f = ref _flows[slot];
        ulong token = kind == TimerKind.Inactivity ? f.InactivityToken : f.TimerToken;
        if (kind == TimerKind.Attempt)
        {
            f.AttemptPending = true;
        }

        _timers.Enqueue(new TimerEntry(slot, token, kind), new TimerPriority(deadline, ++_timerSequence));
    }

    /// <summary>Zeek's Connection::SetInactivityTimeout: replaces the inactivity timer.</summary>
    private void SetInactivityTimeout(int slot, long timeout)
    {
        ref FlowState f = ref _flows[slot];
        if (timeout == f.InactivityTimeout)
        {
            return;
        }

        f.InactivityTimeout = timeout;
        f.InactivityToken = NextToken();
        if (timeout > 0)
        {
            Schedule(slot, TimerKind.Inactivity, f.LastTicks + timeout);
        }
    }

    /// <summary>Zeek's Analyzer::CancelTimers (expire, attempt and reset timers).</summary>
    private void CancelAnalyzerTimers(int slot)
    {
        _flows[slot].TimerToken = NextToken();
        _flows[slot].AttemptPending = false;
    }

    private void Fire(int slot, TimerKind kind, long deadline)
    {
        ref FlowState f = ref _flows[slot];
        switch (kind)
        {
            case TimerKind.Inactivity:
                long idleEnd = f.LastTicks + f.InactivityTimeout;
                if (idleEnd <= _now)
                {
                    End(slot, Math.Max(deadline, idleEnd));
                }
                else
                {
                    Schedule(slot, TimerKind.Inactivity, idleEnd);
                }

                break;

            case TimerKind.Attempt:
                f.AttemptPending = false;
                if (f.IsActive && AttemptUnanswered(f))
                {
                    ReportAttempt(ref f, deadline);
                    if (_options.AttemptEndsFlow)
                    {
                        f.IsActive = false;
                        End(slot, deadline);
                    }
                }

                break;

            case TimerKind.Expire:
                if (f.IsActive && !ExpireCheck(slot, deadline))
                {
                    Schedule(slot, TimerKind.Expire, _now + _options.TcpSessionTimer.Ticks);
                }

                break;

            case TimerKind.Reset:
                if (f.IsActive)
                {
                    f.IsActive = false;
                    End(slot, deadline);
                }

                break;

            case TimerKind.ConnDelete:
                End(slot, deadline);
                break;
        }
    }

    /// <summary>Zeek's TCPSessionAdapter::ExpireTimer conditions; true when the flow was ended.</summary>
    private bool ExpireCheck(int slot, long deadline)
    {
        ref FlowState f = ref _flows[slot];
        if (f.LastTicks + _options.TcpConnectionLinger.Ticks >= _now)
        {
            return false;
        }

        bool ended = false;
        if (f.AnyClosed)
        {
            ended = f.BothClosed
                || f.Orig.State == TcpState.Reset || f.Resp.State == TcpState.Reset
                || f.Orig.State == TcpState.Inactive || f.Resp.State == TcpState.Inactive;
        }

        ended |= f.Resp.State == TcpState.Inactive && f.Orig.State == TcpState.Inactive;
        if (ended)
        {
            f.IsActive = false;
            End(slot, deadline);
        }

        return ended;
    }

    private static bool AttemptUnanswered(in FlowState f)
        => f.Orig.State is TcpState.SynSent or TcpState.SynAckSent && f.Resp.State == TcpState.Inactive;

    private void ReportAttempt(ref FlowState f, long ticks)
    {
        if (f.AttemptReported)
        {
            return;
        }

        f.AttemptReported = true;
        f.AttemptPending = false;
        AttemptTimeouts++;
        _observer.OnAttemptTimedOut(BuildRecord(f), ToTime(Math.Max(ticks, f.StartTicks)));
    }
}
