using System.Text;

namespace AutoRespond.Sensor.Dissectors.Http;

/// <summary>
/// An HTTP/1.x message head (RFC 9112 §2–6): the start line and the header fields the JSON-RPC dissector needs.
/// Header values are ASCII; names compare case-insensitively; anything malformed makes <see cref="TryParse"/> false.
/// </summary>
internal sealed class HttpHead
{
    /// <summary>Longest head followed; a longer one is not HTTP this dissector wants.</summary>
    public const int MaxLength = 16 * 1024;

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    public bool IsRequest { get; private set; }

    public string Method { get; private set; } = "";

    public string Path { get; private set; } = "";

    public int Status { get; private set; }

    public string? Host { get; private set; }

    public string? ContentType { get; private set; }

    public string? Accept { get; private set; }

    public long? ContentLength { get; private set; }

    public bool Chunked { get; private set; }

    /// <summary>An MCP header (Mcp-Session-Id, MCP-Protocol-Version) is present.</summary>
    public bool McpHeader { get; private set; }

    /// <summary>True when <paramref name="data"/> starts like an HTTP/1.x request line ("POST /path HTTP/1.1").</summary>
    public static bool LooksLikeRequest(ReadOnlySpan<byte> data)
    {
        int space = data.IndexOf((byte)' ');
        if (space is < 3 or > 7) return false;
        var method = data[..space];
        bool known = false;
        foreach (string m in Methods)
            if (method.SequenceEqual(Encoding.ASCII.GetBytes(m))) known = true;
        return known && data.Length > space + 1 && data[space + 1] == (byte)'/';
    }

    /// <summary>True when <paramref name="data"/> starts like a status line ("HTTP/1.1 200").</summary>
    public static bool LooksLikeResponse(ReadOnlySpan<byte> data) => data.StartsWith("HTTP/1."u8);

    /// <summary>Length of the head (through the blank line) at the start of <paramref name="data"/>, 0 when incomplete, -1 when not a head.</summary>
    public static int Length(ReadOnlySpan<byte> data)
    {
        int end = data.IndexOf("\r\n\r\n"u8);
        if (end >= 0) return end + 4 <= MaxLength ? end + 4 : -1;
        return data.Length >= MaxLength ? -1 : 0;
    }

    public static bool TryParse(ReadOnlySpan<byte> head, out HttpHead result)
    {
        result = new HttpHead();
        string text = Encoding.ASCII.GetString(head);
        string[] lines = text.Split("\r\n");
        if (lines.Length == 0) return false;
        string[] start = lines[0].Split(' ', 3);
        if (start.Length < 2) return false;
        if (start[0].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            if (!int.TryParse(start[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int status))
                return false;
            result.Status = status;
        }
        else
        {
            if (start.Length < 3 || !start[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) return false;
            result.IsRequest = true;
            result.Method = start[0];
            result.Path = start[1].Length > 256 ? start[1][..256] : start[1];
        }

        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) result.Host = value.Length > 253 ? value[..253] : value;
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) result.ContentType = value.ToLowerInvariant();
            else if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase)) result.Accept = value.ToLowerInvariant();
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long length))
                    return false;
                result.ContentLength = length;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                result.Chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            else if (name.Equals("Mcp-Session-Id", StringComparison.OrdinalIgnoreCase)
                || name.Equals("MCP-Protocol-Version", StringComparison.OrdinalIgnoreCase))
                result.McpHeader = true;
        }

        return true;
    }

    public bool IsJson => ContentType is { } type && type.Contains("json", StringComparison.Ordinal);

    public bool IsEventStream => ContentType is { } type && type.Contains("text/event-stream", StringComparison.Ordinal);

    /// <summary>A request that may carry JSON-RPC: a POST of JSON, or a GET that asks for an event stream.</summary>
    public bool IsJsonRpcCandidate =>
        (Method == "POST" && IsJson) || (Method == "GET" && Accept is { } accept && accept.Contains("text/event-stream", StringComparison.Ordinal));
}
