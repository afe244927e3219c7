using System.Buffers;

namespace AutoRespond.Sensor.Reassembly;

/// <summary>Framing in-order bytes into PDUs: from the segment when possible, else from the pooled buffer.</summary>
internal sealed partial class TcpStream
{
    private void Consume(ReadOnlySpan<byte> data, IStreamConsumer consumer, long ticks)
    {
        if (_resync)
        {
            if (consumer.FrameLength(_direction, data) < 0)
            {
                _stats.ResyncDrops++;
                return;
            }

            _resync = false;
        }

        if (_length == 0)
        {
            int used = Parse(data, consumer, ticks);
            if (used < data.Length)
            {
                Append(data[used..], consumer);
            }

            return;
        }

        // Complete the pending PDU with just the bytes it still needs; the rest goes the zero-copy way.
        int pending = consumer.FrameLength(_direction, _buffer.AsSpan(0, _length));
        if (pending > _length && pending - _length < data.Length)
        {
            int take = pending - _length;
            if (!Append(data[..take], consumer))
            {
                return;
            }

            consumer.OnPdu(_direction, _buffer.AsSpan(0, _length), ticks);
            ReturnBuffer();
            Consume(data[take..], consumer, ticks);
            return;
        }

        if (!Append(data, consumer))
        {
            return;
        }

        int consumed = Parse(_buffer.AsSpan(0, _length), consumer, ticks);
        if (_buffer is null)
        {
            return; // the consumer gave up (gap/close) while parsing
        }

        if (consumed >= _length)
        {
            ReturnBuffer();
        }
        else if (consumed > 0)
        {
            _buffer.AsSpan(consumed, _length - consumed).CopyTo(_buffer);
            _length -= consumed;
        }
    }

    /// <summary>Frames and delivers complete PDUs; returns the bytes used (the rest is an unfinished PDU).</summary>
    private int Parse(ReadOnlySpan<byte> data, IStreamConsumer consumer, long ticks)
    {
        int position = 0;
        while (position < data.Length)
        {
            if (!consumer.Wants(_direction))
            {
                Close();
                return data.Length;
            }

            ReadOnlySpan<byte> rest = data[position..];
            int length = consumer.FrameLength(_direction, rest);
            if (length == 0)
            {
                break;
            }

            if (length < 0)
            {
                _stats.Desyncs++;
                LoseSync(consumer, gap: false);
                return data.Length;
            }

            if (length > rest.Length)
            {
                if (length > _options.MaxPduBytes)
                {
                    _stats.OversizePdus++;
                    _skip = length - rest.Length;
                    return data.Length;
                }

                break;
            }

            consumer.OnPdu(_direction, rest[..length], ticks);
            position += length;
        }

        return position;
    }

    private bool Append(ReadOnlySpan<byte> data, IStreamConsumer consumer)
    {
        int needed = _length + data.Length;
        if (needed > _options.MaxBufferedBytes)
        {
            _stats.Overflows++;
            LoseSync(consumer, gap: true);
            return false;
        }

        if (_buffer is null || _buffer.Length < needed)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(_options.MaxBufferedBytes, 4096)));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = bigger;
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length = needed;
        _stats.BytesBuffered += data.Length;
        _stats.PeakPduBufferBytes = Math.Max(_stats.PeakPduBufferBytes, needed);
        return true;
    }
}
