using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Tests.Commands;

/// <summary>Issue 9 acceptance: replaying the shadow-ai capture, the AI models breach for exactly the unsanctioned, heavy and MCP uses.</summary>
public sealed class ShadowAiAcceptanceTests
{
    [Fact]
    public async Task Replay_ShadowAi_BreachesOnlyForUnsanctionedHeavyAndMcpUses()
    {
        var (capture, config) = ShadowAiCapture.Get();
        var breaches = await Breaches(capture, config);

        breaches.Where(b => b.Model == ModelIds.ShadowAiUsage).Select(b => b.Device).ToHashSet()
            .ShouldBe(ShadowAiScenario.Unsanctioned.Select(u => u.Ip).ToHashSet(), ignoreOrder: true);
        breaches.Where(b => b.Model == ModelIds.ShadowAiUsage).Select(b => b.Service).ShouldAllBe(s => s != "microsoft-copilot" && s != "github-copilot");
        breaches.Where(b => b.Model == ModelIds.AiDataUpload).Select(b => b.Device).Distinct().ShouldBe([ShadowAiScenario.UploaderIp]);
        breaches.Where(b => b.Model == ModelIds.McpActivity).Select(b => b.Device).Distinct().ShouldBe([ShadowAiScenario.McpClientIp]);
    }

    [Fact]
    public async Task Replay_ShadowAiWithEveryServiceSanctioned_NoShadowAiUsageBreach()
    {
        var (capture, config) = ShadowAiCapture.Get();
        string all = CliRunner.TempFile("all-sanctioned.yaml",
            File.ReadAllText(config).Replace("sanctioned: [microsoft-copilot, github-copilot]", "sanctioned: [\"*\"]", StringComparison.Ordinal));
        var breaches = await Breaches(capture, all);

        breaches.ShouldNotContain(b => b.Model == ModelIds.ShadowAiUsage);
        breaches.ShouldContain(b => b.Model == ModelIds.AiDataUpload); // volume still matters for sanctioned services
        breaches.ShouldContain(b => b.Model == ModelIds.McpActivity);
    }

    private static async Task<List<(string Model, string Device, string? Service)>> Breaches(string capture, string config)
    {
        var result = await CliRunner.InProcessAsync("replay", capture, "--config", config, "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return [.. result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("type").GetString() == "breach")
            .Select(l => (l.GetProperty("model").GetString()!, l.GetProperty("device").GetString()!,
                l.GetProperty("evidence").TryGetProperty("service", out var s) ? s.GetString() : null))];
    }
}
