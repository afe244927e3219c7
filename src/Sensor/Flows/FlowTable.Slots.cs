namespace AutoRespond.Sensor.Flows;

/// <summary>The inactivity timeout a flow is under (Zeek's Connection::inactivity_timeout, by protocol and phase).</summary>
internal enum InactivityClass : byte
{
    None,
    Tcp,
    Udp,
    Icmp,
}

/// <summary>
/// Slot allocation, and one activity list per <see cref="InactivityClass"/>: the flows under that timeout, ordered
/// by their last packet time. The head of each list is the next flow to time out, so Zeek's inactivity timer needs no
/// queued timer at all (a re-armed Zeek timer fires exactly its timeout after the flow's last packet), and the oldest
/// head is the least recently active flow, which is what eviction ends.
/// </summary>
public sealed partial class FlowTable
{
    private const int Classes = 4;

    /// <summary>How far back an insertion walks to keep a list ordered when packet times went backwards.</summary>
    private const int MaxOrderWalk = 16;

    private readonly int[] _actHead = [-1, -1, -1, -1];
    private readonly int[] _actTail = [-1, -1, -1, -1];
    private readonly long[] _timeoutOf = new long[Classes];
    private readonly long[] _idleAt = [long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue];
    private int[] _actPrev;
    private int[] _actNext;

    private int AllocateSlot()
    {
        if (_freeHead >= 0)
        {
            int slot = _freeHead;
            _freeHead = _actNext[slot];
            return slot;
        }

        if (_highWater == _capacity)
        {
            int page = _capacity >> PageBits;
            if (page == _pages.Length)
            {
                Array.Resize(ref _pages, Math.Max(4, _pages.Length * 2));
            }

            _pages[page] = new FlowState[1 << PageBits];
            _capacity += 1 << PageBits;
            if (_actPrev.Length < _capacity)
            {
                Array.Resize(ref _actPrev, _actPrev.Length * 2);
                Array.Resize(ref _actNext, _actPrev.Length);
            }
        }

        return _highWater++;
    }

    private void FreeSlot(int slot)
    {
        _actNext[slot] = _freeHead;
        _freeHead = slot;
    }

    /// <summary>The earliest inactivity end over all lists, and its flow.</summary>
    private long NextInactivityEnd(out int slot)
    {
        long best = _idleAt[1];
        int cls = 1;
        if (_idleAt[2] < best)
        {
            best = _idleAt[2];
            cls = 2;
        }

        if (_idleAt[3] < best)
        {
            best = _idleAt[3];
            cls = 3;
        }

        slot = _actHead[cls];
        return best;
    }

    /// <summary>The least recently active flow other than <paramref name="except"/>, or -1.</summary>
    private int LeastRecentlyActive(int except)
    {
        int oldest = -1;
        for (int c = 0; c < Classes; c++)
        {
            int head = _actHead[c] == except ? _actNext[except] : _actHead[c];
            if (head >= 0 && (oldest < 0 || Flow(head).LastTicks < Flow(oldest).LastTicks))
            {
                oldest = head;
            }
        }

        return oldest;
    }

    /// <summary>After a packet: keeps the flow's list ordered by last packet time (and moves it if its class changed).</summary>
    private void ActivityUpdate(int slot, InactivityClass previous, long previousTicks)
    {
        ref FlowState f = ref Flow(slot);
        int cls = (int)f.Inactivity;
        if (f.Inactivity == previous && f.LastTicks >= previousTicks && _actTail[cls] == slot)
        {
            if (_actHead[cls] == slot)
            {
                RefreshIdle(cls);
            }

            return; // already last, and still in order
        }

        ActivityRemove(slot, previous);
        ActivityInsert(slot);
    }

    private void ActivityInsert(int slot)
    {
        int cls = (int)Flow(slot).Inactivity;
        long ticks = Flow(slot).LastTicks;
        int after = _actTail[cls];
        for (int walked = 0; after >= 0 && Flow(after).LastTicks > ticks && walked < MaxOrderWalk; walked++)
        {
            after = _actPrev[after];
        }

        int next = after >= 0 ? _actNext[after] : _actHead[cls];
        _actPrev[slot] = after;
        _actNext[slot] = next;
        if (after >= 0)
        {
            _actNext[after] = slot;
        }
        else
        {
            _actHead[cls] = slot;
            RefreshIdle(cls);
        }

        if (next >= 0)
        {
            _actPrev[next] = slot;
        }
        else
        {
            _actTail[cls] = slot;
        }
    }

    private void ActivityRemove(int slot, InactivityClass list)
    {
        int cls = (int)list;
        int prev = _actPrev[slot], next = _actNext[slot];
        if (prev >= 0)
        {
            _actNext[prev] = next;
        }
        else
        {
            _actHead[cls] = next;
            RefreshIdle(cls);
        }

        if (next >= 0)
        {
            _actPrev[next] = prev;
        }
        else
        {
            _actTail[cls] = prev;
        }
    }

    private void RefreshIdle(int cls)
    {
        int head = _actHead[cls];
        _idleAt[cls] = head < 0 || _timeoutOf[cls] == long.MaxValue ? long.MaxValue : Flow(head).LastTicks + _timeoutOf[cls];
    }
}
