using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class McpActivityModelTests
{
    private static readonly DateTimeOffset After = Ev.T0.AddHours(2.5);

    [Fact]
    public void Observe_FirstMcpSessionIntoTheOtZone_Breaches()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new McpActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(AiEv.Mcp(After, Background.Office(3), "10.20.0.50", "initialize") with { ClientName = "claude-desktop" });
        events.Add(AiEv.Mcp(After.AddSeconds(1), Background.Office(3), "10.20.0.50", "tools/call") with { Tool = "read_tag" });
        brain.Run(events);

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.McpActivity);
        breach.Device.Ip.ShouldBe(Background.Office(3));
        breach.Evidence["ot"].ShouldBe(true);
        breach.Evidence["client_name"].ShouldBe("claude-desktop");
        breach.Peers.ShouldBe(["10.20.0.50"]);
    }

    [Fact]
    public void Observe_McpServerMostDevicesUsedDuringLearning_DoesNotBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new McpActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (int pc = 0; pc < 9; pc++) events.Add(AiEv.Mcp(Ev.T0.AddMinutes(10 + pc), Background.Office(pc), "10.10.0.200", "tools/list"));
        events.Add(AiEv.Mcp(After, Background.Office(9), "10.10.0.200", "tools/list"));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_JsonRpcThatIsNotMcp_IsIgnored()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(2), new McpActivityModel());
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.Add(AiEv.Mcp(After, Background.Office(3), "10.20.0.50", "eth_call", mcp: false));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }
}
