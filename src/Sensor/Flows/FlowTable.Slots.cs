namespace AutoRespond.Sensor.Flows;

/// <summary>Slot allocation and the least-recently-active list used for eviction.</summary>
public sealed partial class FlowTable
{
    private int AllocateSlot()
    {
        if (_freeHead >= 0)
        {
            int slot = _freeHead;
            _freeHead = _lruNext[slot];
            return slot;
        }

        if (_highWater == _flows.Length)
        {
            Array.Resize(ref _flows, _flows.Length * 2);
            Array.Resize(ref _lruPrev, _flows.Length);
            Array.Resize(ref _lruNext, _flows.Length);
        }

        return _highWater++;
    }

    private void Touch(int slot)
    {
        if (_lruTail != slot)
        {
            LruRemove(slot);
            LruAppend(slot);
        }
    }

    private void LruAppend(int slot)
    {
        _lruPrev[slot] = _lruTail;
        _lruNext[slot] = -1;
        if (_lruTail >= 0)
        {
            _lruNext[_lruTail] = slot;
        }
        else
        {
            _lruHead = slot;
        }

        _lruTail = slot;
    }

    private void LruRemove(int slot)
    {
        int prev = _lruPrev[slot], next = _lruNext[slot];
        if (prev >= 0)
        {
            _lruNext[prev] = next;
        }
        else
        {
            _lruHead = next;
        }

        if (next >= 0)
        {
            _lruPrev[next] = prev;
        }
        else
        {
            _lruTail = prev;
        }
    }
}
