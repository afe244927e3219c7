using AutoRespond.Contracts;

namespace AutoRespond.Sensor.Tests.Dissectors.Http;

/// <summary>MCP/JSON-RPC on cleartext HTTP: Streamable HTTP (POST + JSON or chunked SSE answers), HTTP+SSE, and plain web traffic.</summary>
public sealed class JsonRpcTests
{
    private const string Init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"agent-x\",\"version\":\"1\"}}}";
    private const string InitResult = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\",\"serverInfo\":{\"name\":\"historian\",\"version\":\"2\"}}}";
    private const string Call = "{\"jsonrpc\":\"2.0\",\"id\":\"c-7\",\"method\":\"tools/call\",\"params\":{\"name\":\"read_tag\",\"arguments\":{}}}";

    [Fact]
    public void PostWithJsonAnswer_Initialize_ReportsRequestAndResponseAsMcp()
    {
        var events = new McpConversation()
            .Send(true, Post(Init)).Send(false, JsonAnswer(InitResult)).Run().OfType<JsonRpcSeen>().ToList();

        events.Count.ShouldBe(2);
        events[0].ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe("request"), e => e.Method.ShouldBe("initialize"), e => e.Id.ShouldBe("1"), e => e.Mcp.ShouldBeTrue(),
            e => e.ClientName.ShouldBe("agent-x"), e => e.ProtocolVersion.ShouldBe("2025-06-18"), e => e.Transport.ShouldBe("http-post"),
            e => e.HttpHost.ShouldBe("mcp.example:8080"), e => e.HttpPath.ShouldBe("/mcp"), e => e.Client.ShouldBe("10.10.0.66"),
            e => e.ServerPort.ShouldBe(8080));
        events[1].ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe("response"), e => e.Method.ShouldBe("initialize"), e => e.ServerName.ShouldBe("historian"), e => e.Mcp.ShouldBeTrue());
    }

    [Fact]
    public void ChunkedEventStream_SplitAcrossSegments_ReportsEveryEvent()
    {
        string sse = "event: message\r\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}\r\n\r\n"
            + "data: {\"jsonrpc\":\"2.0\",\"id\":\"c-7\",\r\ndata: \"result\":{\"content\":[]}}\r\n\r\n";
        string answer = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"{sse.Length:x}\r\n{sse}\r\n0\r\n\r\n";
        var events = new McpConversation()
            .Send(true, Post(Call)).Send(false, answer, segment: 17).Run().OfType<JsonRpcSeen>().ToList();

        events.Select(e => (e.Kind, e.Method, e.Transport)).ShouldBe(
            [("request", "tools/call", "http-post"), ("notification", "notifications/progress", "sse"), ("response", "tools/call", "sse")]);
        events[0].Tool.ShouldBe("read_tag");
        events.ShouldAllBe(e => e.Mcp);
    }

    [Fact]
    public void EventStreamGet_UntilConnectionCloses_ReportsMessages()
    {
        string get = "GET /sse HTTP/1.1\r\nHost: 10.20.0.5:3000\r\nAccept: text/event-stream\r\n\r\n";
        string answer = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nevent: endpoint\ndata: /messages?sessionId=1\n\n"
            + "event: message\ndata: " + InitResult + "\n\n";
        var events = new McpConversation(serverPort: 3000).Send(true, get).Send(false, answer).Run().OfType<JsonRpcSeen>().ToList();

        var single = events.ShouldHaveSingleItem();
        single.Kind.ShouldBe("response");
        single.ServerName.ShouldBe("historian");
        single.Mcp.ShouldBeTrue();
    }

    [Fact]
    public void PlainWebPage_IsNotJsonRpc_NoEvents()
    {
        string get = "GET /index.html HTTP/1.1\r\nHost: www.example.org\r\n\r\n";
        string answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>";
        new McpConversation(serverPort: 80).Send(true, get).Send(false, answer).Run().OfType<JsonRpcSeen>().ShouldBeEmpty();
    }

    [Fact]
    public void JsonRpcThatIsNotMcp_IsReportedWithMcpFalse()
    {
        string body = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_blockNumber\",\"params\":[]}";
        var e = new McpConversation(serverPort: 8545).Send(true, Post(body)).Run().OfType<JsonRpcSeen>().ShouldHaveSingleItem();
        e.Method.ShouldBe("eth_blockNumber");
        e.Mcp.ShouldBeFalse();
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"initialize\"}")]
    public void MalformedOrForeignBody_NoEvents_NoFault(string body) =>
        new McpConversation().Send(true, Post(body)).Send(false, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            .Run().OfType<JsonRpcSeen>().ShouldBeEmpty();

    private static string Post(string json) =>
        $"POST /mcp HTTP/1.1\r\nHost: mcp.example:8080\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    private static string JsonAnswer(string json) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";
}
