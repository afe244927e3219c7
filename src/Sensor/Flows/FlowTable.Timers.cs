namespace AutoRespond.Sensor.Flows;

public sealed partial class FlowTable
{
    private readonly TimerQueue _timers = new(5);

    private enum TimerKind : byte
    {
        /// <summary>Connection inactivity: not queued, read off the activity lists (FlowTable.Activity.cs).</summary>
        Inactivity,

        /// <summary>TCP analyzer timers below: all cancelled together when the connection closes.</summary>
        Expire,
        Attempt,
        Reset,

        /// <summary>Scheduled after the close, so it survives the cancellation.</summary>
        ConnDelete,
    }

    /// <summary>One ring per fixed delay, so each ring receives its timers in deadline order (TimerQueue).</summary>
    private enum TimerRing
    {
        SynExpire,
        SessionExpire,
        Attempt,
        Reset,
        ConnDelete,
    }

    /// <summary>
    /// Fires every timer due at or before <paramref name="ticks"/> (packet time), in deadline order: the analyzer
    /// timers of the queue and the inactivity ends of the activity lists.
    /// </summary>
    public void AdvanceTime(long ticks)
    {
        AdvanceClock(ticks);
        while (true)
        {
            long idle = NextInactivityEnd(out int idleSlot);
            long timer = _timers.NextDeadline;
            if (timer <= _now && timer <= idle)
            {
                _timers.TryDequeueDue(_now, out var entry);
                ref FlowState f = ref Flow(entry.Slot);
                if (f.Serial != 0 && _timers.FullSequence(entry) > f.AnalyzerEpoch)
                {
                    Fire(entry.Slot, (TimerKind)entry.Kind, entry.Deadline);
                }
            }
            else if (idle <= _now)
            {
                End(idleSlot, idle); // Zeek's inactivity timer: the flow ends timeout after its last packet
            }
            else
            {
                return;
            }
        }
    }

    private void Schedule(int slot, TimerKind kind, TimerRing ring, long deadline)
    {
        if (kind == TimerKind.Attempt)
        {
            Flow(slot).AttemptPending = true;
        }

        _timers.Schedule((int)ring, slot, (byte)kind, deadline);
    }

    /// <summary>Zeek's Connection::SetInactivityTimeout: the flow moves to the activity list of its new timeout.</summary>
    private void SetInactivityTimeout(int slot, InactivityClass timeout) => Flow(slot).Inactivity = timeout;

    /// <summary>Zeek's Analyzer::CancelTimers (expire, attempt and reset timers).</summary>
    private void CancelAnalyzerTimers(int slot)
    {
        Flow(slot).AnalyzerEpoch = _timers.Sequence;
        Flow(slot).AttemptPending = false;
    }

    private void Fire(int slot, TimerKind kind, long deadline)
    {
        ref FlowState f = ref Flow(slot);
        switch (kind)
        {
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
                    Schedule(slot, TimerKind.Expire, TimerRing.SessionExpire, _now + _options.TcpSessionTimer.Ticks);
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
        ref FlowState f = ref Flow(slot);
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
