namespace AutoRespond.Sensor.Flows;

/// <summary>
/// The 5-tuple index: open addressing with linear probing over one array of (hash, slot + 1) words, the key itself
/// read from the flow's slot. A lookup touches one bucket and the flow it finds, which the packet needs next anyway;
/// removal shifts the following run back (no tombstones). Grows at 70 % load.
/// </summary>
public sealed partial class FlowTable
{
    private ulong[] _buckets = new ulong[2048];
    private int _count;

    private static uint HashOf(in FlowKey key) => (uint)key.GetHashCode();

    /// <summary>The slot holding <paramref name="key"/>, or -1 with <paramref name="bucket"/> where it would go.</summary>
    private int Find(in FlowKey key, uint hash, out int bucket)
    {
        int mask = _buckets.Length - 1;
        int i = (int)hash & mask;
        while (true)
        {
            ulong entry = _buckets[i];
            if (entry == 0)
            {
                bucket = i;
                return -1;
            }

            if ((uint)(entry >> 32) == hash && Flow((int)(uint)entry - 1).Key.Equals(key))
            {
                bucket = i;
                return (int)(uint)entry - 1;
            }

            i = (i + 1) & mask;
        }
    }

    private void IndexAdd(int bucket, uint hash, int slot)
    {
        _buckets[bucket] = (ulong)hash << 32 | (uint)(slot + 1);
        if (++_count > PeakActiveFlows)
        {
            PeakActiveFlows = _count;
        }

        if (_count * 10L > _buckets.Length * 7L)
        {
            Rehash(_buckets.Length * 2);
        }
    }

    private void IndexRemove(in FlowKey key, int slot)
    {
        int mask = _buckets.Length - 1;
        uint hash = HashOf(key);
        int i = (int)hash & mask;
        while ((uint)_buckets[i] != (uint)(slot + 1))
        {
            i = (i + 1) & mask;
        }

        // Backward-shift deletion: move up every later entry of the run whose home is at or before the hole.
        int j = i;
        while (true)
        {
            j = (j + 1) & mask;
            ulong entry = _buckets[j];
            if (entry == 0)
            {
                break;
            }

            int home = (int)(entry >> 32) & mask;
            bool movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable)
            {
                _buckets[i] = entry;
                i = j;
            }
        }

        _buckets[i] = 0;
        _count--;
    }

    private void Rehash(int capacity)
    {
        var old = _buckets;
        _buckets = new ulong[capacity];
        int mask = capacity - 1;
        foreach (ulong entry in old)
        {
            if (entry != 0)
            {
                int i = (int)(entry >> 32) & mask;
                while (_buckets[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _buckets[i] = entry;
            }
        }
    }
}
