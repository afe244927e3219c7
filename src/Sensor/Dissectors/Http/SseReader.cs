using System.Text;

namespace AutoRespond.Sensor.Dissectors.Http;

/// <summary>
/// Server-Sent Events (WHATWG HTML §9.2.6): lines ending in LF, CR LF or CR; <c>data:</c> fields joined with LF make
/// an event's data; a blank line dispatches it. Each event's data is parsed as JSON-RPC. Bounded: an event larger
/// than 1 MiB is dropped.
/// </summary>
internal sealed class SseReader
{
    private const int MaxEvent = 1 << 20;
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _data = new();
    private bool _lastWasCr;
    private bool _overflow;

    public void Feed(ReadOnlySpan<byte> bytes, HttpSession session, HttpHead? request, long ticks)
    {
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n' && _lastWasCr)
            {
                _lastWasCr = false;
                continue;
            }

            _lastWasCr = b == (byte)'\r';
            if (b is (byte)'\n' or (byte)'\r')
            {
                Line(session, request, ticks);
                continue;
            }

            if (_line.Length + _data.Length < MaxEvent) _line.Append((char)b);
            else _overflow = true;
        }
    }

    /// <summary>The stream ended: an event without its blank line is dispatched (a closed stream ends it).</summary>
    public void Flush(HttpSession session, HttpHead? request, long ticks)
    {
        if (_line.Length > 0) Line(session, request, ticks);
        Dispatch(session, request, ticks);
    }

    private void Line(HttpSession session, HttpHead? request, long ticks)
    {
        if (_line.Length == 0)
        {
            Dispatch(session, request, ticks);
            return;
        }

        string line = _line.ToString();
        _line.Clear();
        if (!line.StartsWith("data", StringComparison.Ordinal)) return; // event:, id:, retry:, comments
        string value = line.Length > 4 && line[4] == ':' ? line[5..] : line.Length == 4 ? "" : null!;
        if (value is null) return;
        if (value.StartsWith(' ')) value = value[1..];
        if (_data.Length > 0) _data.Append('\n');
        _data.Append(value);
    }

    private void Dispatch(HttpSession session, HttpHead? request, long ticks)
    {
        if (_data.Length > 0 && !_overflow)
            session.Publish(JsonRpcMessage.ParseBody(Encoding.UTF8.GetBytes(_data.ToString())), "sse", request, ticks);
        _data.Clear();
        _overflow = false;
    }
}
