using System.Net;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Gates;
using AutoRespond.Responders.Planning;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Gates;

public sealed class ChangeWindowGateTests
{
    private static readonly WindowConfig Ehr = new("EHR upgrade", T0.AddHours(-1), T0.AddHours(5), null, null,
        new WindowScope([IPNetwork.Parse("10.30.0.5/32")], [], [], []), WindowEffect.Suppress, null);

    [Fact]
    public async Task Evaluate_InsideWindowForScopedDevice_Suppresses()
    {
        var decision = await Gate(Ehr).EvaluateAsync(Action("10.30.0.5", ActionKinds.FirewallBlock, T0), TestContext.Current.CancellationToken);
        decision.Verdict.ShouldBe(GateVerdict.Deny);
        decision.State.ShouldBe(ActionStates.SuppressedByWindow);
        decision.Window.ShouldBe("EHR upgrade");
    }

    [Fact]
    public async Task Evaluate_AfterWindowEnds_Allows() =>
        (await Gate(Ehr).EvaluateAsync(Action("10.30.0.5", ActionKinds.FirewallBlock, T0.AddHours(5)), TestContext.Current.CancellationToken))
            .ShouldBe(GateDecision.Allow);

    [Fact]
    public async Task Evaluate_OtherDevice_Allows() =>
        (await Gate(Ehr).EvaluateAsync(Action("10.30.0.6", ActionKinds.FirewallBlock, T0), TestContext.Current.CancellationToken)).ShouldBe(GateDecision.Allow);

    [Fact]
    public async Task Evaluate_Ticket_IsNeverSuppressed() =>
        (await Gate(Ehr).EvaluateAsync(Action("10.30.0.5", ActionKinds.Ticket, T0), TestContext.Current.CancellationToken)).ShouldBe(GateDecision.Allow);

    [Fact]
    public async Task Evaluate_ConfirmEffect_Holds()
    {
        var decision = await Gate(Ehr with { Effect = WindowEffect.Confirm }).EvaluateAsync(Action("10.30.0.5", ActionKinds.TcpReset, T0), TestContext.Current.CancellationToken);
        decision.Verdict.ShouldBe(GateVerdict.Hold);
        decision.State.ShouldBe(ActionStates.AwaitingConfirmation);
    }

    [Fact]
    public async Task Evaluate_CapEffect_DeniesStepsAboveCapOnly()
    {
        var gate = Gate(Ehr with { Effect = WindowEffect.Cap, CapScore = 0.8 });
        (await gate.EvaluateAsync(Action("10.30.0.5", ActionKinds.TcpReset, T0, stepMin: 0.8), TestContext.Current.CancellationToken)).ShouldBe(GateDecision.Allow);
        (await gate.EvaluateAsync(Action("10.30.0.5", ActionKinds.FirewallBlock, T0, stepMin: 0.95), TestContext.Current.CancellationToken)).State
            .ShouldBe(ActionStates.CappedByWindow);
    }

    [Fact]
    public async Task Evaluate_ScopeActionsListed_OnlyThoseKinds()
    {
        var gate = Gate(Ehr with { Scope = Ehr.Scope with { Actions = [ActionKinds.FirewallBlock] } });
        (await gate.EvaluateAsync(Action("10.30.0.5", ActionKinds.TcpReset, T0), TestContext.Current.CancellationToken)).ShouldBe(GateDecision.Allow);
        (await gate.EvaluateAsync(Action("10.30.0.5", ActionKinds.FirewallBlock, T0), TestContext.Current.CancellationToken)).Verdict.ShouldBe(GateVerdict.Deny);
    }

    private static ChangeWindowGate Gate(WindowConfig window) => new([window], NetworkConfig.Default);

    private static PlannedAction Action(string target, string kind, DateTimeOffset time, double stepMin = 0.95) =>
        new("act-1", Scored(0.97, device: target, time: time), kind, target, 2, stepMin, TimeSpan.FromHours(1), time);
}
