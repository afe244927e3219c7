using System.Globalization;
using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Dissectors.Http;

/// <summary>
/// Cleartext HTTP/1.x carrying JSON-RPC 2.0, the transport of MCP's "Streamable HTTP" and older "HTTP+SSE" (a flow
/// whose first client bytes are a request line, on any port). Each direction is framed as heads, then bodies by
/// Content-Length, chunks or the connection's end; request bodies and <c>application/json</c> answers are parsed as
/// JSON-RPC, <c>text/event-stream</c> answers event by event (<see cref="SseReader"/>). A flow whose first request is
/// neither a JSON POST nor an event-stream GET is left alone (plain web traffic costs one head parse). The flow's
/// conn.log service is not set.
/// </summary>
internal sealed class HttpSession : DissectorSession
{
    private const int MaxBody = 1 << 20;
    private const int Piece = 16 * 1024;
    private readonly Side[] _sides = [new(), new()];
    private readonly Dictionary<string, string> _pending = new(StringComparer.Ordinal);
    private readonly Queue<HttpHead> _requests = new();
    private HttpHead? _lastRequest;
    private bool _mcp;
    private bool _judged;

    public HttpSession(DissectorContext context)
        : base(context, DissectorKind.Http)
    {
    }

    internal enum Mode : byte { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Stream }

    public override int FrameLength(int direction, ReadOnlySpan<byte> data)
    {
        var side = _sides[direction];
        return side.Mode switch
        {
            Mode.Head => Framed(HeadLength(direction, data)),
            Mode.Body or Mode.ChunkData => (int)Math.Min(side.Remaining, Piece),
            Mode.ChunkEnd => 2,
            Mode.ChunkSize or Mode.Trailer => Line(data),
            _ => Math.Min(data.Length, Piece),
        };
    }

    public override void OnPdu(int direction, ReadOnlySpan<byte> pdu, long ticks)
    {
        var side = _sides[direction];
        switch (side.Mode)
        {
            case Mode.Head:
                OnHead(direction, side, pdu, ticks);
                break;
            case Mode.Body:
                side.Remaining -= pdu.Length;
                side.Body(pdu, this, ticks);
                if (side.Remaining <= 0) EndMessage(side, ticks);
                break;
            case Mode.ChunkSize:
                string size = System.Text.Encoding.ASCII.GetString(pdu).Trim().Split(';')[0];
                if (!long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long chunk) || chunk < 0)
                {
                    CountMalformed();
                    Finished = true;
                    return;
                }
                side.Remaining = chunk;
                side.Mode = chunk == 0 ? Mode.Trailer : Mode.ChunkData;
                break;
            case Mode.ChunkData:
                side.Remaining -= pdu.Length;
                side.Body(pdu, this, ticks);
                if (side.Remaining <= 0) side.Mode = Mode.ChunkEnd;
                break;
            case Mode.ChunkEnd:
                side.Mode = Mode.ChunkSize;
                break;
            case Mode.Trailer:
                if (pdu.Length <= 2) EndMessage(side, ticks);
                break;
            default:
                side.Body(pdu, this, ticks);
                break;
        }
    }

    public override void OnGap(int direction)
    {
        // Lost bytes: the framing of this direction is gone; stop rather than guess.
        Finished = true;
    }

    public override void OnEnd(long ticks)
    {
        foreach (var side in _sides)
            if (side.Mode is Mode.Stream or Mode.Body) EndMessage(side, ticks);
    }

    private int HeadLength(int direction, ReadOnlySpan<byte> data)
    {
        if (data.Length >= 10 && !(FromClient(direction) ? HttpHead.LooksLikeRequest(data) : HttpHead.LooksLikeResponse(data))) return -1;
        return HttpHead.Length(data);
    }

    private void OnHead(int direction, Side side, ReadOnlySpan<byte> pdu, long ticks)
    {
        if (!HttpHead.TryParse(pdu, out var head) || head.IsRequest != FromClient(direction))
        {
            CountMalformed();
            Finished = true;
            return;
        }

        CountPdu();
        _mcp |= head.McpHeader;
        side.Head = head;
        if (head.IsRequest)
        {
            if (!head.IsJsonRpcCandidate && !_mcp)
            {
                // Plain web traffic: judged once, then left alone.
                if (!_judged) Finished = true;
                side.Sink = Sink.Skip;
            }
            else side.Sink = head.Method == "POST" ? Sink.Json : Sink.Skip;
            _judged = true;
            _lastRequest = head;
            if (_requests.Count < 64) _requests.Enqueue(head);
            StartBody(side, head, request: true, ticks);
            return;
        }

        var request = head.Status >= 200 && _requests.TryDequeue(out var r) ? r : _lastRequest;
        side.Request = request;
        side.Sink = head.IsEventStream ? Sink.Sse : head.IsJson ? Sink.Json : Sink.Skip;
        bool noBody = head.Status is < 200 or 204 or 304 || request?.Method == "HEAD";
        if (noBody)
        {
            side.Mode = Mode.Head;
            return;
        }
        StartBody(side, head, request: false, ticks);
    }

    private void StartBody(Side side, HttpHead head, bool request, long ticks)
    {
        side.Reset();
        if (head.Chunked) side.Mode = Mode.ChunkSize;
        else if (head.ContentLength is { } length)
        {
            side.Remaining = length;
            side.Mode = length > 0 ? Mode.Body : Mode.Head;
            if (length == 0) EndMessage(side, ticks);
        }
        else side.Mode = request ? Mode.Head : Mode.Stream;
    }

    private void EndMessage(Side side, long ticks)
    {
        if (side.Sink == Sink.Json && side.Buffer is { WrittenCount: > 0 } buffer && !side.Overflow)
            Publish(JsonRpcMessage.ParseBody(buffer.WrittenSpan), "http-post", side.Head!.IsRequest ? side.Head : side.Request, ticks);
        else if (side.Sink == Sink.Sse) side.Sse.Flush(this, side.Request, ticks);
        side.Reset();
        side.Mode = Mode.Head;
    }

    /// <summary>JSON-RPC messages of one body or event: requests are remembered by id so answers name their method.</summary>
    internal void Publish(List<JsonRpcMessage> messages, string transport, HttpHead? request, long ticks)
    {
        foreach (var m in messages)
        {
            string? method = m.Method;
            if (m.Kind is "request" && m.Id is { } id && method is not null && _pending.Count < 256) _pending[id] = method;
            if (m.Kind is "response" or "error" && m.Id is { } answered && _pending.Remove(answered, out var asked)) method = asked;
            _mcp |= m.McpShape || (m.Kind is "response" or "error" && JsonRpcMessage.IsMcpMethod(method) && method != "initialize");
            Publish(new JsonRpcSeen(Time(ticks), Flow.Uid, Flow.Client, Flow.Server, Flow.ServerPort, transport, m.Kind, method, m.Id,
                _mcp, m.Tool, m.ClientName, m.ServerName, m.ProtocolVersion, request?.Host, request?.Path));
        }
    }

    private static int Line(ReadOnlySpan<byte> data)
    {
        int end = data.IndexOf("\r\n"u8);
        if (end >= 0) return end + 2;
        return data.Length > 1024 ? -1 : 0;
    }

    internal enum Sink : byte { Skip, Json, Sse }

    internal sealed class Side
    {
        public Mode Mode;
        public long Remaining;
        public HttpHead? Head;
        public HttpHead? Request;
        public Sink Sink;
        public System.Buffers.ArrayBufferWriter<byte>? Buffer;
        public bool Overflow;
        public readonly SseReader Sse = new();

        public void Body(ReadOnlySpan<byte> bytes, HttpSession session, long ticks)
        {
            if (Sink == Sink.Json)
            {
                Buffer ??= new System.Buffers.ArrayBufferWriter<byte>(Math.Min(bytes.Length * 2, MaxBody));
                if (Buffer.WrittenCount + bytes.Length > MaxBody) Overflow = true;
                else System.Buffers.BuffersExtensions.Write(Buffer, bytes);
            }
            else if (Sink == Sink.Sse) Sse.Feed(bytes, session, Request, ticks);
        }

        public void Reset()
        {
            Buffer = null;
            Overflow = false;
            Remaining = 0;
        }
    }
}
