using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Planning;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Planning;

public sealed class LadderPlannerTests
{
    private static readonly NetworkConfig Network = new()
    {
        Zones = [new ZoneConfig("Computing", [IPNetwork.Parse("10.10.0.0/24")], ZoneKind.It, [])],
    };

    private static readonly ResponseConfig Response = new()
    {
        Ladder =
        [
            new(0.60, [ActionKinds.Ticket], null, null),
            new(0.80, [ActionKinds.Ticket, ActionKinds.TcpReset], TimeSpan.FromHours(1), null),
            new(0.95, [ActionKinds.Ticket, ActionKinds.FirewallBlock], TimeSpan.FromHours(4), new ScopeConfig(["Computing"], [], [])),
        ],
    };

    private readonly LadderPlanner _planner = new(Response, Network);

    [Theory]
    [InlineData(0.59, new string[0])]
    [InlineData(0.60, new[] { "ticket" })]
    [InlineData(0.85, new[] { "ticket", "tcp-reset" })]
    [InlineData(0.99, new[] { "ticket", "firewall-block" })]
    public void Plan_ScoreInZone_TakesHighestReachedStep(double score, string[] kinds) =>
        _planner.Plan(Scored(score), T0).Select(a => a.Kind).ShouldBe(kinds);

    [Fact]
    public void Plan_DeviceOutsideStepScope_FallsToLowerStep() =>
        _planner.Plan(Scored(0.99, device: "10.20.0.5"), T0).Select(a => a.Kind).ShouldBe(["ticket", "tcp-reset"]);

    [Fact]
    public void Plan_Duration_SetsExpiryExceptForTickets()
    {
        var actions = _planner.Plan(Scored(0.85), T0);
        actions.Single(a => a.Kind == ActionKinds.TcpReset).Expires.ShouldBe(T0.AddHours(1));
        actions.Single(a => a.Kind == ActionKinds.Ticket).Expires.ShouldBeNull();
    }

    [Fact]
    public void ActionIdFor_SameIncidentKindTarget_IsStableAcrossRevisions() =>
        LadderPlanner.ActionIdFor(Scored(0.9, revision: 1), "ticket")
            .ShouldBe(LadderPlanner.ActionIdFor(Scored(0.97, revision: 4), "ticket"));
}
