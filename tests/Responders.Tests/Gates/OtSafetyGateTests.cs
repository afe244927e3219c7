using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Gates;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Gates;

public sealed class OtSafetyGateTests
{
    private static readonly string[] IcsServer = [DeviceRoles.IcsServer];

    [Theory]
    [InlineData(ActionKinds.TcpReset)]
    [InlineData(ActionKinds.SwitchQuarantine)]
    public async Task Evaluate_DisruptiveKindAgainstIcsServer_BlockedProtected(string kind)
    {
        var decision = await new OtSafetyGate().EvaluateAsync(Action("10.20.0.10", kind, T0, roles: IcsServer), TestContext.Current.CancellationToken);
        decision.Verdict.ShouldBe(GateVerdict.Deny);
        decision.State.ShouldBe(ActionStates.BlockedProtected);
        decision.Reason.ShouldNotBeNull().ShouldContain("OT safety");
    }

    [Fact]
    public async Task Evaluate_StepScopeNamesRole_Allows()
    {
        var scope = new ScopeConfig([], [], [DeviceRoles.IcsServer]);
        (await new OtSafetyGate().EvaluateAsync(Action("10.20.0.10", ActionKinds.TcpReset, T0, roles: IcsServer, stepScope: scope),
            TestContext.Current.CancellationToken)).ShouldBe(GateDecision.Allow);
    }

    [Theory]
    [InlineData(ActionKinds.FirewallBlock, "ics-server")]
    [InlineData(ActionKinds.Ticket, "ics-server")]
    [InlineData(ActionKinds.TcpReset, "workstation")]
    public async Task Evaluate_OtherKindsOrRoles_Allows(string kind, string role) =>
        (await new OtSafetyGate().EvaluateAsync(Action("10.20.0.10", kind, T0, roles: [role]), TestContext.Current.CancellationToken))
            .ShouldBe(GateDecision.Allow);

    [Fact]
    public async Task Engine_IcsServerIncident_TicketAndBlockButNoReset()
    {
        var response = ResponseConfig.Default with
        {
            Ladder = [new LadderStep(0.5, [ActionKinds.Ticket, ActionKinds.TcpReset, ActionKinds.FirewallBlock], TimeSpan.FromHours(1), null)],
        };
        var harness = new EngineHarness(response);
        await harness.Engine.HandleAsync(Scored(0.9, device: "10.20.0.10", roles: IcsServer), TestContext.Current.CancellationToken);
        harness.Decisions.Select(d => (d.Kind, d.State, d.Gate)).ShouldBe([
            (ActionKinds.Ticket, ActionStates.DryRun, (string?)null),
            (ActionKinds.TcpReset, ActionStates.BlockedProtected, "ot-safety"),
            (ActionKinds.FirewallBlock, ActionStates.DryRun, null),
        ]);
    }
}
