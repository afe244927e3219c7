using System.Net;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Policy;

namespace AutoRespond.Responders.Tests.Policy;

public sealed class ResponsePolicyJsonTests
{
    private static readonly NetworkConfig Network = NetworkConfig.Default with
    {
        Zones = [new ZoneConfig("Computing", [IPNetwork.Parse("10.10.0.0/24")], ZoneKind.It, [])],
    };

    [Fact]
    public void Serialize_ThenParse_RoundTripsModeLadderScopeAndLimits()
    {
        var response = new ResponseConfig
        {
            Mode = ResponseMode.Confirm,
            Ladder =
            [
                new LadderStep(0.6, [ActionKinds.Ticket], null, null),
                new LadderStep(0.95, [ActionKinds.Ticket, ActionKinds.FirewallBlock], TimeSpan.FromMinutes(90),
                    new ScopeConfig(["Computing"], [IPNetwork.Parse("10.10.0.0/24"), IPNetwork.Parse("10.30.0.5/32")], [DeviceRoles.IcsServer])),
            ],
            Limits = new LimitsConfig(7, 3),
        };

        string json = ResponsePolicyJson.Serialize(response);
        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("mode").GetString().ShouldBe("confirm");
        root.GetProperty("ladder")[1].GetProperty("min_score").GetDouble().ShouldBe(0.95);
        root.GetProperty("ladder")[1].GetProperty("duration").GetString().ShouldBe("90m");
        root.GetProperty("limits").GetProperty("max_new_actions_per_hour").GetInt32().ShouldBe(3);

        var parsed = ResponsePolicyJson.Parse(json, Network);
        parsed.Mode.ShouldBe(ResponseMode.Confirm);
        parsed.Limits.ShouldBe(new LimitsConfig(7, 3));
        parsed.Ladder.Count.ShouldBe(2);
        parsed.Ladder[0].Duration.ShouldBeNull();
        parsed.Ladder[0].Scope.ShouldBeNull();
        var step = parsed.Ladder[1];
        step.MinScore.ShouldBe(0.95);
        step.Actions.ShouldBe([ActionKinds.Ticket, ActionKinds.FirewallBlock]);
        step.Duration.ShouldBe(TimeSpan.FromMinutes(90));
        var scope = step.Scope.ShouldNotBeNull();
        scope.Zones.ShouldBe(["Computing"]);
        scope.Devices.ShouldBe([IPNetwork.Parse("10.10.0.0/24"), IPNetwork.Parse("10.30.0.5/32")]);
        scope.Roles.ShouldBe([DeviceRoles.IcsServer]);
    }

    [Fact]
    public void Parse_AbsentKeys_TakeTheFileDefaults()
    {
        var parsed = ResponsePolicyJson.Parse("{}", Network);

        parsed.Mode.ShouldBe(ResponseMode.DryRun);
        parsed.Ladder.ShouldBe(ResponseConfig.DefaultLadder);
        parsed.Limits.ShouldBe(LimitsConfig.Default);
    }

    [Theory]
    [InlineData("""{"mode":"yolo"}""", "response.mode")]
    [InlineData("""{"ladder":[]}""", "response.ladder")]
    [InlineData("""{"ladder":[{"actions":["ticket"]}]}""", "response.ladder[0].min_score")]
    [InlineData("""{"ladder":[{"min_score":1.5,"actions":["ticket"]}]}""", "response.ladder[0].min_score")]
    [InlineData("""{"ladder":[{"min_score":0.5,"actions":["nuke"]}]}""", "response.ladder[0].actions[0]")]
    [InlineData("""{"ladder":[{"min_score":0.5,"actions":["ticket","ticket"]}]}""", "response.ladder[0].actions[1]")]
    [InlineData("""{"ladder":[{"min_score":0.5,"actions":["tcp-reset"],"duration":"1 hour"}]}""", "response.ladder[0].duration")]
    [InlineData("""{"ladder":[{"min_score":0.5,"actions":["ticket"],"scope":{"zones":["Nowhere"]}}]}""", "response.ladder[0].scope.zones")]
    [InlineData("""{"ladder":[{"min_score":0.5,"actions":["ticket"],"scope":{"devices":["10.0.0.1/24"]}}]}""", "response.ladder[0].scope.devices")]
    [InlineData("""{"limits":{"max_active_actions":0}}""", "response.limits.max_active_actions")]
    [InlineData("""{"mode":"confirm","colour":"red"}""", "response")]
    [InlineData("""not json""", "response")]
    public void Parse_Invalid_ThrowsWithThePath(string json, string path)
    {
        var e = Should.Throw<PolicyFormatException>(() => ResponsePolicyJson.Parse(json, Network));

        e.Problems.ShouldContain(p => p.StartsWith(path + ":", StringComparison.Ordinal));
    }
}
