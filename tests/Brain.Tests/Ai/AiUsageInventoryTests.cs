using System.Net;
using System.Text.Json;
using AutoRespond.Brain.Ai;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Ai;

public sealed class AiUsageInventoryTests
{
    private static readonly DateTimeOffset T = Ev.T0;

    [Fact]
    public void Snapshot_ChatsBySniAndByDns_CountBytesPerServiceAndDeviceWithUsersAndNames()
    {
        var users = new Dictionary<IPAddress, string> { [IPAddress.Parse("10.10.0.11")] = "alice@contoso.com" };
        var inventory = new AiUsageInventory(AiCatalogue.From(new AiConfig(["microsoft-copilot"], null, [])), Ev.Plant, users);
        var events = new List<NetworkEvent> { Ev.Device(T, "10.10.0.11", hostname: "PC-ACC-01") };
        events.AddRange(AiEv.Chat(T.AddMinutes(1), "10.10.0.11", AiEv.ChatGptIp, "chatgpt.com", up: 1_000, down: 5_000));
        events.AddRange(AiEv.Chat(T.AddMinutes(2), "10.10.0.11", AiEv.ChatGptIp, "chatgpt.com", up: 2_000, down: 7_000));
        events.Add(AiEv.Answer(T.AddMinutes(3), "10.10.0.12", "copilot.microsoft.com", AiEv.CopilotIp));
        events.AddRange(AiEv.Chat(T.AddMinutes(3), "10.10.0.12", AiEv.CopilotIp, sni: null, up: 500, down: 800));
        events.AddRange(AiEv.Chat(T.AddMinutes(4), "10.10.0.13", "93.184.216.34", "example.org"));
        foreach (var e in events) inventory.Observe(e);

        var report = inventory.Snapshot();

        report.Services.Select(s => s.Id).ShouldBe(["chatgpt", "microsoft-copilot"]);
        var chatgpt = report.Services[0];
        (chatgpt.BytesUp, chatgpt.BytesDown, chatgpt.Connections, chatgpt.Sanctioned).ShouldBe((3_000L, 12_000L, 2, false));
        var device = chatgpt.Devices.ShouldHaveSingleItem();
        (device.Ip, device.Hostname, device.User).ShouldBe(("10.10.0.11", "PC-ACC-01", "alice@contoso.com"));
        chatgpt.Users.ShouldBe(["alice@contoso.com"]);
        chatgpt.FirstSeen.ShouldBe(T.AddMinutes(1));
        var copilot = report.Services[1];
        (copilot.BytesUp, copilot.Sanctioned, copilot.Devices.Single().Ip).ShouldBe((500L, true, "10.10.0.12"));
    }

    [Fact]
    public void Snapshot_McpMessages_ListEndpointWithClientsAndTools()
    {
        var inventory = new AiUsageInventory(AiCatalogue.Default, Ev.Plant);
        inventory.Observe(AiEv.Mcp(T, "10.10.0.11", "10.20.0.50", "initialize") with { ClientName = "claude-desktop" });
        inventory.Observe(AiEv.Mcp(T.AddSeconds(1), "10.10.0.11", "10.20.0.50", "tools/call") with { Tool = "read_tag" });
        inventory.Observe(AiEv.Mcp(T.AddSeconds(2), "10.10.0.11", "10.20.0.50", "eth_call", mcp: false));

        var m = inventory.Snapshot().Mcp.ShouldHaveSingleItem();
        (m.Server, m.Port, m.Messages).ShouldBe(("10.20.0.50", 8080, 2));
        m.Tools.ShouldBe(["read_tag"]);
        m.ClientNames.ShouldBe(["claude-desktop"]);
    }

    [Fact]
    public void Snapshot_JsonRoundTrip_KeepsEveryField()
    {
        var inventory = new AiUsageInventory(AiCatalogue.Default, Ev.Plant);
        foreach (var e in AiEv.Chat(T, "10.10.0.11", AiEv.ChatGptIp, "chatgpt.com")) inventory.Observe(e);
        var report = inventory.Snapshot();
        string json = JsonSerializer.Serialize(report, AiUsageInventory.JsonOptions);
        json.ShouldContain("\"bytes_up\":20000");
        var back = JsonSerializer.Deserialize<AiUsageReport>(json, AiUsageInventory.JsonOptions)!;
        back.Services.Single().Devices.Single().ShouldBe(report.Services.Single().Devices.Single());
    }
}
