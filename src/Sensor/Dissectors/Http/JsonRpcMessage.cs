using System.Text.Json;

namespace AutoRespond.Sensor.Dissectors.Http;

/// <summary>
/// One JSON-RPC 2.0 object (request, notification, result or error) with the MCP fields the sensor reports. Parsing
/// never throws: a body that is not JSON-RPC gives no messages.
/// </summary>
internal sealed record JsonRpcMessage(string Kind, string? Method, string? Id, string? Tool, string? ClientName,
    string? ServerName, string? ProtocolVersion, bool McpShape)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    private static readonly string[] McpPrefixes =
        ["tools/", "resources/", "prompts/", "completion/", "logging/", "sampling/", "roots/", "elicitation/", "notifications/"];

    /// <summary>The JSON-RPC objects of a body: one object or a batch (array); empty when it is not JSON-RPC 2.0.</summary>
    public static List<JsonRpcMessage> ParseBody(ReadOnlySpan<byte> body)
    {
        var messages = new List<JsonRpcMessage>();
        var trimmed = body.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] is not ((byte)'{' or (byte)'[')) return messages;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(trimmed.ToArray(), Options);
        }
        catch (JsonException)
        {
            return messages;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (FromObject(root) is { } one) messages.Add(one);
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object && FromObject(item) is { } m && messages.Count < 64) messages.Add(m);
            }
        }

        return messages;
    }

    /// <summary>True for a method of the Model Context Protocol (2024-11-05 and later revisions).</summary>
    public static bool IsMcpMethod(string? method) =>
        method is not null && (method is "initialize" or "ping" || McpPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal)));

    private static JsonRpcMessage? FromObject(JsonElement o)
    {
        if (!o.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            return null;
        string? id = o.TryGetProperty("id", out var idElement) ? IdText(idElement) : null;
        if (o.TryGetProperty("method", out var methodElement) && methodElement.ValueKind == JsonValueKind.String)
        {
            string method = Clip(methodElement.GetString()!);
            var parameters = o.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? tool = method == "tools/call" ? Text(parameters, "name") : null;
            string? clientName = method == "initialize" ? Text(Child(parameters, "clientInfo"), "name") : null;
            string? protocol = method == "initialize" ? Text(parameters, "protocolVersion") : null;
            // "initialize" is LSP's first method too: only MCP's carries a protocolVersion.
            bool mcp = method == "initialize" ? protocol is not null : IsMcpMethod(method) && method != "ping";
            return new JsonRpcMessage(id is null ? "notification" : "request", method, id, tool, clientName, null, protocol, mcp);
        }

        if (o.TryGetProperty("result", out var result))
        {
            string? server = Text(Child(result, "serverInfo"), "name");
            string? protocol = Text(result, "protocolVersion");
            bool mcp = server is not null || protocol is not null
                || (result.ValueKind == JsonValueKind.Object && (result.TryGetProperty("tools", out _) || result.TryGetProperty("resources", out _)
                    || result.TryGetProperty("prompts", out _) || result.TryGetProperty("content", out _)));
            return new JsonRpcMessage("response", null, id, null, null, server, protocol, mcp);
        }

        return o.TryGetProperty("error", out _) ? new JsonRpcMessage("error", null, id, null, null, null, null, false) : null;
    }

    private static string? IdText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Clip(e.GetString()!),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    private static JsonElement Child(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Clip(v.GetString()!) : null;

    private static string Clip(string s) => s.Length <= 128 ? s : s[..128];
}
