using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Support;

/// <summary>AI traffic for the issue 9 models: DNS answers, chats by SNI, uploads, MCP messages.</summary>
internal static class AiEv
{
    public const string ChatGptIp = "104.18.32.47";
    public const string CopilotIp = "20.189.173.12";
    public const string Resolver = "10.10.0.2";

    public static DnsAnswerSeen Answer(DateTimeOffset time, string client, string name, string address) =>
        new(time, Ev.Uid(), client, Resolver, name, "A", "NOERROR", [address], [], 300);

    /// <summary>A TLS chat: hello (with SNI or without) then the finished flow with the given bytes up and down.</summary>
    public static IEnumerable<NetworkEvent> Chat(DateTimeOffset time, string client, string server, string? sni, long up = 20_000, long down = 90_000)
    {
        string uid = Ev.Uid();
        yield return Ev.Hello(time, client, server, sni, uid: uid);
        yield return Ev.Session(time.AddSeconds(30), client, server, 443, up, down, TimeSpan.FromSeconds(30), uid);
    }

    public static JsonRpcSeen Mcp(DateTimeOffset time, string client, string server, string method, int port = 8080, bool mcp = true) =>
        new(time, Ev.Uid(), client, server, port, "http-post", "request", method, "1", mcp, ServerName: null, HttpHost: server + ":" + port);

    public static BrainOptions Options(TimeSpan learning, params string[] sanctioned) => new()
    {
        LearningPeriod = learning,
        Ai = AiCatalogue.From(new AiConfig(sanctioned, null, [])),
    };
}
