using AutoRespond.Configuration;
using AutoRespond.Simulation.Scenarios;
using AutoRespond.Simulation.Tests.Support;

namespace AutoRespond.Simulation.Tests.Scenarios;

/// <summary>The shadow-ai capture as TShark reads it: AI host names by DNS and SNI, one hello without SNI, the upload, MCP over HTTP.</summary>
public sealed class ShadowAiScenarioTests
{
    [Fact]
    public void Config_SanctionsTheTwoCopilots()
    {
        var config = ConfigLoader.LoadText(ScenarioCatalog.Get("shadow-ai").Config, "shadow-ai.yaml");
        config.Ai.Sanctioned.ShouldBe(ShadowAiScenario.Sanctioned);
        config.Learning.Period.ShouldBe(TimeSpan.FromHours(24));
    }

    [Fact]
    public void Capture_AiServicesByDnsAndSni_DeepSeekWithoutSni()
    {
        Tshark.Require();
        var (capture, result) = Simulated.Capture("shadow-ai");
        var answered = Tshark.Fields(capture, "dns.flags.response == 1 && dns.a", "ip.dst", "dns.qry.name", "dns.a")
            .Select(f => (Client: f[0], Name: f[1], Address: f[2])).ToHashSet();
        foreach (var (ip, _, host, _) in ShadowAiScenario.Unsanctioned)
            answered.ShouldContain(a => a.Client == ip && a.Name == host, $"{ip} asked for {host}");
        var snis = Tshark.Fields(capture, "tls.handshake.type == 1", "ip.src", "ip.dst", "tls.handshake.extensions_server_name");
        snis.ShouldContain(f => f[0] == "10.10.0.55" && f[2] == "chatgpt.com");
        snis.ShouldContain(f => f[0] == "10.10.0.57" && f[2] == "claude.ai");
        // DeepSeek is reached without SNI: only the DNS answer to that PC names the address.
        var deepseek = answered.First(a => a.Name == "chat.deepseek.com").Address;
        snis.Where(f => f[1] == deepseek).ShouldAllBe(f => f[0] == "10.10.0.51" && f[2].Length == 0);
        snis.Count(f => f[1] == deepseek).ShouldBe(3);
        result.Milestone("ai-upload").Start.ShouldBeGreaterThan(ShadowAiScenario.Start.AddDays(1));
    }

    [Fact]
    public void Capture_UploadIsTheOnlyLargeAiTransfer()
    {
        Tshark.Require();
        var (capture, _) = Simulated.Capture("shadow-ai");
        // Bytes the PCs sent to ChatGPT, per TCP connection.
        var sent = Tshark.Fields(capture, "ip.dst == 104.18.32.47 && tcp.len > 0", "tcp.stream", "tcp.len")
            .GroupBy(f => f[0]).Select(g => g.Sum(f => long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        sent.Count.ShouldBeGreaterThan(3);
        sent.Count(b => b > 1_000_000).ShouldBe(1);
        sent.Max().ShouldBeGreaterThan(ShadowAiScenario.UploadBytes);
    }

    [Fact]
    public void Capture_McpSessionOverCleartextHttp_HasInitializeToolsListAndToolsCall()
    {
        Tshark.Require();
        var (capture, _) = Simulated.Capture("shadow-ai");
        var posts = Tshark.Fields(capture, $"http.request.method == \"POST\" && tcp.dstport == {ShadowAiScenario.McpPort}",
            "ip.src", "ip.dst", "http.request.uri", "http.file_data");
        posts.ShouldAllBe(p => p[0] == ShadowAiScenario.McpClientIp && p[1] == ShadowAiScenario.McpServerIp && p[2] == "/mcp");
        string bodies = string.Join("\n", posts.Select(p => p[3]));
        foreach (string method in (string[])["initialize", "notifications/initialized", "tools/list", "tools/call"])
            bodies.ShouldContain($"\"method\":\"{method}\"");
        Tshark.Fields(capture, "http.content_type contains \"text/event-stream\"", "ip.src").ShouldHaveSingleItem()[0].ShouldBe(ShadowAiScenario.McpServerIp);
    }
}
