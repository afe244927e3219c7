using System.Globalization;
using System.Text;
using AutoRespond.Simulation.Network;

namespace AutoRespond.Simulation.Scenarios;

/// <summary>
/// An MCP session over cleartext HTTP ("Streamable HTTP", MCP 2025-06-18): POST /mcp with a JSON-RPC body, answered
/// with application/json (initialize, tools/list) or a chunked text/event-stream (tools/call), session id header on
/// every request after initialize, one keep-alive connection.
/// </summary>
internal static class McpExchange
{
    public const string ProtocolVersion = "2025-06-18";

    public static TcpConversation Run(Simulator sim, SimHost client, SimHost server, ushort port, string host, string serverName,
        string tool, DateTimeOffset start)
    {
        var r = sim.Random;
        string session = Convert.ToHexStringLower(BitConverter.GetBytes(r.NextInt64()));
        var c = sim.Tcp(client, server, port).At(start).Open();
        c.ClientSends(Post(host, null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + ProtocolVersion
            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"claude-desktop\",\"version\":\"0.12.1\"}}}"));
        c.ServerSends(Json(session,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"" + ProtocolVersion
            + "\",\"capabilities\":{\"tools\":{\"listChanged\":false}},\"serverInfo\":{\"name\":\"" + serverName + "\",\"version\":\"1.4.0\"}}}"),
            Ms(r, 2, 9));
        c.ClientSends(Post(host, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), Ms(r, 1, 5));
        c.ServerSends(Encoding.ASCII.GetBytes($"HTTP/1.1 202 Accepted\r\nMcp-Session-Id: {session}\r\nContent-Length: 0\r\n\r\n"), Ms(r, 1, 3));
        c.ClientSends(Post(host, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"), Ms(r, 5, 40));
        c.ServerSends(Json(session,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":[{\"name\":\"" + tool + "\",\"description\":\"Read process values\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"tag\":{\"type\":\"string\"}}}}]}}"), Ms(r, 2, 12));
        c.ClientSends(Post(host, session,
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{\"tag\":\"KILN_TEMP\"}}}"),
            Ms(r, 300, 2_000));
        string events = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":3,\"progress\":0.5}}\n\n"
            + "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"KILN_TEMP=1182.4\"}]}}\n\n";
        c.ServerSends(Chunked(session, events), Ms(r, 20, 120));
        c.Close();
        return c;
    }

    private static byte[] Post(string host, string? session, string json)
    {
        var head = new StringBuilder()
            .Append("POST /mcp HTTP/1.1\r\nHost: ").Append(host).Append("\r\n")
            .Append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
            .Append(CultureInfo.InvariantCulture, $"MCP-Protocol-Version: {ProtocolVersion}\r\n");
        if (session is not null) head.Append("Mcp-Session-Id: ").Append(session).Append("\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n").Append(json);
        return Encoding.UTF8.GetBytes(head.ToString());
    }

    private static byte[] Json(string session, string json) => Encoding.UTF8.GetBytes(
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nMcp-Session-Id: {session}\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");

    private static byte[] Chunked(string session, string body)
    {
        var text = new StringBuilder($"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nMcp-Session-Id: {session}\r\nTransfer-Encoding: chunked\r\n\r\n");
        foreach (string part in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string chunk = part + "\n\n";
            text.Append(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(chunk):x}\r\n").Append(chunk).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.Append("0\r\n\r\n").ToString());
    }

    private static TimeSpan Ms(Random r, double min, double max) => TimeSpan.FromMilliseconds(min + r.NextDouble() * (max - min));
}
