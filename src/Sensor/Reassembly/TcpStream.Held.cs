using System.Buffers;

namespace AutoRespond.Sensor.Reassembly;

/// <summary>Out-of-order segments: pooled copies, bounded in count and bytes.</summary>
internal sealed partial class TcpStream
{
    private Held[]? _held;
    private int _heldCount;
    private int _heldBytes;

    private struct Held
    {
        public uint Sequence;
        public byte[] Data;
        public int Length;
        public int WireLength;
    }

    /// <summary>Keeps a copy of a segment that arrived ahead of a hole; false when the bounds are reached.</summary>
    private bool Hold(uint sequence, ReadOnlySpan<byte> payload, int wireLength, bool force = false)
    {
        if (!force && (_heldCount >= _options.MaxHeldSegments || _heldBytes + payload.Length > _options.MaxHeldBytes))
        {
            return false;
        }

        _held ??= new Held[_options.MaxHeldSegments + 1];
        if (_heldCount == _held.Length)
        {
            Array.Resize(ref _held, _held.Length + 1);
        }

        byte[] copy = ArrayPool<byte>.Shared.Rent(Math.Max(payload.Length, 1));
        payload.CopyTo(copy);
        _held[_heldCount++] = new Held { Sequence = sequence, Data = copy, Length = payload.Length, WireLength = wireLength };
        _heldBytes += payload.Length;
        _stats.BytesBuffered += payload.Length;
        _stats.PeakHeldBytes = Math.Max(_stats.PeakHeldBytes, _heldBytes);
        return true;
    }

    /// <summary>
    /// Delivers held segments that now continue the stream; with <paramref name="force"/> holes are given up and the
    /// stream jumps to the earliest held segment.
    /// </summary>
    private void Drain(IStreamConsumer consumer, long ticks, bool force, uint? limit = null)
    {
        while (_heldCount > 0 && !_closed && _held is not null)
        {
            int best = 0;
            for (int i = 1; i < _heldCount; i++)
            {
                if ((int)(_held[i].Sequence - _held[best].Sequence) < 0)
                {
                    best = i;
                }
            }

            Held segment = _held[best];
            long offset = (int)(segment.Sequence - _next);
            if (offset > 0)
            {
                if (!force || (limit is { } l && After(segment.Sequence, l)))
                {
                    return;
                }

                _next = segment.Sequence;
                LoseSync(consumer, gap: true);
                offset = 0;
            }

            _held[best] = _held[--_heldCount];
            _held[_heldCount] = default;
            _heldBytes -= segment.Length;
            long trim = -offset;
            if (trim >= segment.WireLength)
            {
                _stats.Retransmissions++;
            }
            else
            {
                ReadOnlySpan<byte> data = segment.Data.AsSpan(0, segment.Length);
                data = trim < data.Length ? data[(int)trim..] : [];
                Deliver(data, segment.WireLength - (int)trim, consumer, ticks);
            }

            ArrayPool<byte>.Shared.Return(segment.Data);
        }
    }

    /// <summary>Gives up holes the peer acknowledged past: delivers held segments that start before its ACK.</summary>
    private void DrainAcknowledged(IStreamConsumer consumer, long ticks)
    {
        while (_heldCount > 0 && !_closed && _held is not null)
        {
            uint earliest = _held[0].Sequence;
            for (int i = 1; i < _heldCount; i++)
            {
                earliest = (int)(_held[i].Sequence - earliest) < 0 ? _held[i].Sequence : earliest;
            }

            if (After(earliest, _peerAck))
            {
                return;
            }

            int before = _heldCount;
            Drain(consumer, ticks, force: true, limit: earliest);
            if (_heldCount == before)
            {
                return;
            }
        }
    }

    private void ReleaseHeld()
    {
        if (_held is null)
        {
            return;
        }

        for (int i = 0; i < _heldCount; i++)
        {
            ArrayPool<byte>.Shared.Return(_held[i].Data);
            _held[i] = default;
        }

        _heldCount = 0;
        _heldBytes = 0;
    }
}
