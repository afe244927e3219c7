namespace AutoRespond.Sensor.Flows;

/// <summary>
/// The flow table's analyzer timers in (deadline, sequence) order, in O(1) per timer for the usual case. Each timer
/// kind is scheduled with a fixed delay from a packet time that rarely goes backwards, so each kind's timers arrive
/// already sorted: they are appended to that kind's ring. A timer that would break its ring's order (a timestamp that
/// went backwards) goes to a small binary heap instead. The earliest timer is the smallest of the ring heads and the
/// heap's top. Cancelled timers are not removed; the table skips them when they come due.
/// </summary>
internal sealed class TimerQueue
{
    /// <summary>16 bytes: the sequence number's low half (the whole number is rebuilt from the queue's, see
    /// <see cref="FullSequence"/>) and the slot with the kind in its top 4 bits.</summary>
    internal readonly struct Entry(long deadline, long sequence, int slot, byte kind)
    {
        public readonly long Deadline = deadline;
        private readonly uint _sequence = (uint)sequence;
        private readonly uint _slotKind = (uint)slot | (uint)kind << 28;

        public int Slot => (int)(_slotKind & 0x0FFF_FFFF);

        public byte Kind => (byte)(_slotKind >> 28);

        public uint SequenceLow => _sequence;
    }

    /// <summary>Slots must stay below this to fit an entry.</summary>
    public const int MaxSlots = 1 << 28;

    private readonly Ring[] _rings;
    private readonly PriorityQueue<Entry, (long Deadline, long Sequence)> _late = new();
    private long _nextDue = long.MaxValue;
    private long _sequence;

    public TimerQueue(int kinds)
    {
        _rings = new Ring[kinds];
        for (int i = 0; i < kinds; i++)
        {
            _rings[i] = new Ring();
        }
    }

    /// <summary>The sequence number of the latest timer scheduled (timers of a flow older than a mark are stale).</summary>
    public long Sequence => _sequence;

    /// <summary>An entry's whole sequence number: pending entries are less than 2^32 timers old.</summary>
    public long FullSequence(in Entry entry) => _sequence - (uint)((uint)_sequence - entry.SequenceLow);

    /// <summary>Pending timers, stale ones included.</summary>
    public int Count
    {
        get
        {
            int count = _late.Count;
            foreach (var ring in _rings)
            {
                count += ring.Count;
            }

            return count;
        }
    }

    /// <summary>Bytes held by the queue's buffers.</summary>
    public long CapacityBytes
    {
        get
        {
            long entries = _late.Count;
            foreach (var ring in _rings)
            {
                entries += ring.Capacity;
            }

            return entries * System.Runtime.CompilerServices.Unsafe.SizeOf<Entry>();
        }
    }

    public void Schedule(int ring, int slot, byte kind, long deadline)
    {
        var entry = new Entry(deadline, ++_sequence, slot, kind);
        var target = _rings[ring];
        if (!target.TryAppend(entry))
        {
            _late.Enqueue(entry, (deadline, _sequence));
        }

        if (deadline < _nextDue)
        {
            _nextDue = deadline;
        }
    }

    /// <summary>The earliest deadline pending, or <see cref="long.MaxValue"/>.</summary>
    public long NextDeadline => _nextDue;

    /// <summary>Removes the earliest timer when it is due at or before <paramref name="now"/>.</summary>
    public bool TryDequeueDue(long now, out Entry entry)
    {
        if (_nextDue > now)
        {
            entry = default;
            return false;
        }

        bool late = _late.TryPeek(out Entry top, out _);
        Ring? best = null;
        foreach (var ring in _rings)
        {
            if (ring.Count > 0 && (best is null ? !late || Before(ring.Head, top) : Before(ring.Head, best.Head)))
            {
                best = ring;
            }
        }

        if (best is null && !late)
        {
            entry = default;
            return false; // empty (only reachable when asked for every timer up to long.MaxValue)
        }

        entry = best is not null ? best.Dequeue() : _late.Dequeue();

        _nextDue = ComputeNextDue();
        return true;
    }

    public void Clear()
    {
        foreach (var ring in _rings)
        {
            ring.Clear();
        }

        _late.Clear();
        _nextDue = long.MaxValue;
    }

    private static bool Before(in Entry a, in Entry b)
        => a.Deadline != b.Deadline ? a.Deadline < b.Deadline : (int)(a.SequenceLow - b.SequenceLow) < 0;

    private long ComputeNextDue()
    {
        long next = _late.TryPeek(out _, out var top) ? top.Deadline : long.MaxValue;
        foreach (var ring in _rings)
        {
            if (ring.Count > 0 && ring.Head.Deadline < next)
            {
                next = ring.Head.Deadline;
            }
        }

        return next;
    }

    /// <summary>A growable circular buffer of entries in non-decreasing deadline order.</summary>
    private sealed class Ring
    {
        private Entry[] _items = new Entry[64];
        private int _head;

        public int Count { get; private set; }

        public int Capacity => _items.Length;

        public ref readonly Entry Head => ref _items[_head];

        public bool TryAppend(in Entry entry)
        {
            if (Count > 0 && entry.Deadline < _items[(_head + Count - 1) & (_items.Length - 1)].Deadline)
            {
                return false;
            }

            if (Count == _items.Length)
            {
                var grown = new Entry[_items.Length * 2];
                for (int i = 0; i < Count; i++)
                {
                    grown[i] = _items[(_head + i) & (_items.Length - 1)];
                }

                _items = grown;
                _head = 0;
            }

            _items[(_head + Count) & (_items.Length - 1)] = entry;
            Count++;
            return true;
        }

        public Entry Dequeue()
        {
            Entry entry = _items[_head];
            _head = (_head + 1) & (_items.Length - 1);
            Count--;
            return entry;
        }

        public void Clear()
        {
            _head = 0;
            Count = 0;
        }
    }
}
