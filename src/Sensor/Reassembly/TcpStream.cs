using System.Buffers;

namespace AutoRespond.Sensor.Reassembly;

/// <summary>
/// One direction of a TCP connection, reassembled just far enough for a PDU consumer: in-order bytes are framed
/// straight from the segment (no copy); only an unfinished PDU tail is copied into a pooled buffer. Retransmitted bytes
/// are ignored, overlaps trimmed, out-of-order segments held (bounded) until the hole fills, the peer acknowledges past
/// it, or too much is held. After a hole the stream waits for a segment that starts a PDU. Not thread-safe.
/// </summary>
internal sealed partial class TcpStream
{
    private readonly ReassemblyOptions _options;
    private readonly ReassemblyStats _stats;
    private readonly int _direction;
    private uint _next;
    private bool _synced;
    private bool _resync;
    private bool _closed;
    private byte[]? _buffer;
    private int _length;
    private long _skip;
    private uint _peerAck;
    private bool _hasPeerAck;

    public TcpStream(int direction, ReassemblyOptions options, ReassemblyStats stats)
    {
        _direction = direction;
        _options = options;
        _stats = stats;
    }

    /// <summary>True when nothing is buffered or held (the stream can be dropped without losing a PDU).</summary>
    public bool IsIdle => _length == 0 && _heldCount == 0;

    /// <summary>The next expected sequence number, once known.</summary>
    public uint? NextSequence => _synced ? _next : null;

    /// <summary>Sets the next expected sequence number if it is not known yet (SYN, or the peer's ACK).</summary>
    public void Expect(uint sequence)
    {
        if (!_synced)
        {
            _next = sequence;
            _synced = true;
        }
    }

    /// <summary>
    /// The other side acknowledged up to <paramref name="ack"/>: bytes before it will not be resent, so a hole before
    /// a held segment that the peer has acknowledged was lost by the capture, not the network: given up at once.
    /// </summary>
    public void NotePeerAck(uint ack, IStreamConsumer consumer, long ticks)
    {
        if (_hasPeerAck && !After(ack, _peerAck))
        {
            return;
        }

        _peerAck = ack;
        _hasPeerAck = true;
        if (_heldCount > 0 && !_closed && After(ack, _next))
        {
            DrainAcknowledged(consumer, ticks);
        }
    }

    /// <summary>Feeds one segment's payload; <paramref name="wireLength"/> may exceed the captured bytes.</summary>
    public void OnSegment(uint sequence, ReadOnlySpan<byte> payload, int wireLength, IStreamConsumer consumer, long ticks)
    {
        if (_closed || wireLength <= 0)
        {
            return;
        }

        if (!consumer.Wants(_direction))
        {
            Close();
            return;
        }

        _stats.Segments++;
        Expect(sequence);
        long offset = (int)(sequence - _next);
        if (offset < 0)
        {
            if (-offset >= wireLength)
            {
                _stats.Retransmissions++;
                return;
            }

            _stats.Overlaps++;
            int trim = (int)-offset;
            payload = trim < payload.Length ? payload[trim..] : [];
            wireLength -= trim;
            sequence = _next;
            offset = 0;
        }

        if (offset > 0)
        {
            bool acknowledged = _hasPeerAck && !After(sequence, _peerAck);
            if (!acknowledged && Hold(sequence, payload, wireLength))
            {
                _stats.OutOfOrder++;
                return;
            }

            _stats.OutOfOrder++;
            Hold(sequence, payload, wireLength, force: true);
            Drain(consumer, ticks, force: true);
            return;
        }

        Deliver(payload, wireLength, consumer, ticks);
        Drain(consumer, ticks, force: false);
    }

    /// <summary>End of the flow: delivers held segments across their holes; an unfinished PDU is dropped.</summary>
    public void Flush(IStreamConsumer consumer, long ticks)
    {
        if (!_closed)
        {
            Drain(consumer, ticks, force: true);
            _stats.Unfinished += _length > 0 ? 1 : 0;
        }

        Close();
    }

    /// <summary>Stops following the direction and returns every pooled buffer.</summary>
    public void Close()
    {
        _closed = true;
        ReturnBuffer();
        ReleaseHeld();
    }

    private void Deliver(ReadOnlySpan<byte> data, int wireLength, IStreamConsumer consumer, long ticks)
    {
        _next += (uint)wireLength;
        bool truncated = data.Length < wireLength;
        if (truncated)
        {
            _stats.Truncated++;
        }

        if (_skip > 0)
        {
            int skipped = (int)Math.Min(_skip, data.Length);
            _skip -= skipped;
            data = data[skipped..];
        }

        if (!data.IsEmpty)
        {
            Consume(data, consumer, ticks);
        }

        if (truncated)
        {
            LoseSync(consumer, gap: true);
        }
    }

    /// <summary>Bytes were lost or framing broke: drop the partial PDU and wait for a segment that starts one.</summary>
    private void LoseSync(IStreamConsumer consumer, bool gap)
    {
        ReturnBuffer();
        _skip = 0;
        _resync = true;
        if (gap)
        {
            _stats.Gaps++;
        }

        consumer.OnGap(_direction);
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _length = 0;
    }

    /// <summary>Sequence comparison modulo 2^32: <paramref name="a"/> is after <paramref name="b"/>.</summary>
    private static bool After(uint a, uint b) => (int)(a - b) > 0;
}
