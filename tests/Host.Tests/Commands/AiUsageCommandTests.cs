using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Tests.Commands;

/// <summary><c>autorespond ai-usage</c> on the shadow-ai capture, with TShark's byte counts as ground truth.</summary>
public sealed class AiUsageCommandTests
{
    [Fact]
    public async Task AiUsage_ShadowAiCapture_ListsEachServiceDeviceAndByteCount()
    {
        var (capture, config) = ShadowAiCapture.Get();
        var result = await CliRunner.ProcessAsync("ai-usage", capture, "--config", config, "--format", "jsonl");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var lines = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var services = lines.Where(l => l.GetProperty("type").GetString() == "ai-service")
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => l);
        services.Keys.Order().ShouldBe(["chatgpt", "claude", "deepseek", "github-copilot", "microsoft-copilot"]);
        foreach (string sanctioned in ShadowAiScenario.Sanctioned) services[sanctioned].GetProperty("sanctioned").GetBoolean().ShouldBeTrue();
        foreach (var (ip, service, _, _) in ShadowAiScenario.Unsanctioned)
        {
            services[service].GetProperty("sanctioned").GetBoolean().ShouldBeFalse();
            Devices(services[service]).ShouldContainKey(ip);
        }
        Devices(services["chatgpt"]).Keys.Order().ShouldBe(["10.10.0.53", "10.10.0.55"]);
        Devices(services["deepseek"]).Keys.ShouldBe(["10.10.0.51"]); // no SNI: named through the DNS answer

        // Bytes up and down per device and service: the TCP payload TShark counts between the device and the service's address.
        string? tshark = Tshark();
        Assert.SkipWhen(tshark is null, "tshark is not installed (scripts/lib/packages.sh installs it)");
        var addresses = Run(tshark!, "-r", capture, "-Y", "dns.flags.response == 1 && dns.a", "-T", "fields", "-e", "dns.qry.name", "-e", "dns.a")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1].Split(',')[0]);
        var payload = Run(tshark!, "-r", capture, "-Y", "tcp.len > 0 && tcp.port == 443", "-T", "fields", "-e", "ip.src", "-e", "ip.dst", "-e", "tcp.len")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
            .GroupBy(f => (f[0], f[1])).ToDictionary(g => g.Key, g => g.Sum(f => long.Parse(f[2], CultureInfo.InvariantCulture)));
        foreach (var (id, service) in services)
        {
            string address = addresses[service.GetProperty("hosts")[0].GetString()!];
            foreach (var (ip, device) in Devices(service))
            {
                device.GetProperty("bytes_up").GetInt64().ShouldBe(payload[(ip, address)], $"{id} {ip} up");
                device.GetProperty("bytes_down").GetInt64().ShouldBe(payload[(address, ip)], $"{id} {ip} down");
            }
        }
        services["chatgpt"].GetProperty("bytes_up").GetInt64().ShouldBeGreaterThan(ShadowAiScenario.UploadBytes);

        var mcp = lines.Single(l => l.GetProperty("type").GetString() == "mcp-endpoint");
        mcp.GetProperty("server").GetString().ShouldBe(ShadowAiScenario.McpServerIp);
        mcp.GetProperty("server_name").GetString().ShouldBe("plant-historian");
        mcp.GetProperty("tools")[0].GetString().ShouldBe("read_tag");
    }

    [Fact]
    public async Task AiUsage_TableFormat_MarksUnsanctionedServices()
    {
        var (capture, config) = ShadowAiCapture.Get();
        var result = await CliRunner.InProcessAsync("ai-usage", capture, "--config", config, "--format", "table");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("ChatGPT (OpenAI, chat-assistant) — NOT SANCTIONED");
        result.Stdout.ShouldContain("Microsoft Copilot (Microsoft, chat-assistant) — sanctioned");
        result.Stdout.ShouldContain("MCP server 10.20.0.50:8080 'plant-historian'");
    }

    [Fact]
    public async Task AiUsage_UnknownSanctionedName_WarnsOnStderr()
    {
        var (capture, _) = ShadowAiCapture.Get();
        string config = CliRunner.TempFile("typo.yaml", "ai:\n  sanctioned: [chatgtp]\n");
        var result = await CliRunner.InProcessAsync("ai-usage", capture, "--config", config, "--format", "jsonl");
        result.ExitCode.ShouldBe(0);
        result.Stderr.ShouldContain("'chatgtp' names no service");
    }

    private static Dictionary<string, JsonElement> Devices(JsonElement service) =>
        service.GetProperty("devices").EnumerateArray().ToDictionary(d => d.GetProperty("ip").GetString()!, d => d);

    private static string Run(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    internal static string? Tshark() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "tshark")).FirstOrDefault(File.Exists);
}
