using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Gates;
using Microsoft.Extensions.Time.Testing;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Gates;

public sealed class ChangeWindowGateTests
{
    private static readonly WindowConfig Ehr = Window("EHR upgrade", T0.AddHours(-1), T0.AddHours(5), devices: ["10.30.0.5"]);

    private static ValueTask<GateDecision> Evaluate(ChangeWindowGate gate, string target, string kind, DateTimeOffset time,
        double stepMin = 0.95, string? user = null) =>
        gate.EvaluateAsync(Action(target, kind, time, stepMin, user), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Evaluate_InsideWindowForScopedDevice_Suppresses()
    {
        var decision = await Evaluate(Gate(Ehr), "10.30.0.5", ActionKinds.FirewallBlock, T0);
        decision.Verdict.ShouldBe(GateVerdict.Deny);
        decision.State.ShouldBe(ActionStates.SuppressedByWindow);
        decision.Window.ShouldBe("EHR upgrade");
    }

    [Fact]
    public async Task Evaluate_FakeClockAcrossWindowEdges_SuppressesOnlyInside()
    {
        var clock = new FakeTimeProvider(T0.AddHours(-1).AddTicks(-1));
        var gate = Gate(Ehr);
        (await Evaluate(gate, "10.30.0.5", ActionKinds.FirewallBlock, clock.GetUtcNow())).Verdict.ShouldBe(GateVerdict.Allow);
        clock.Advance(TimeSpan.FromTicks(1));
        (await Evaluate(gate, "10.30.0.5", ActionKinds.FirewallBlock, clock.GetUtcNow())).Verdict.ShouldBe(GateVerdict.Deny);
        clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromTicks(1));
        (await Evaluate(gate, "10.30.0.5", ActionKinds.FirewallBlock, clock.GetUtcNow())).Verdict.ShouldBe(GateVerdict.Deny);
        clock.Advance(TimeSpan.FromTicks(1));
        var after = await Evaluate(gate, "10.30.0.5", ActionKinds.FirewallBlock, clock.GetUtcNow());
        after.Verdict.ShouldBe(GateVerdict.Allow);
        after.Note.ShouldBe("resembles planned work: EHR upgrade, window ended less than a minute ago");
    }

    [Fact]
    public async Task Evaluate_RecurringWindowOnFakeClock_OpensEverySunday()
    {
        var weekly = Window("Patch Sunday", new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero), "FREQ=WEEKLY;BYDAY=SU", "Europe/London", devices: ["10.30.0.0/24"]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));
        var gate = Gate(weekly);
        for (int week = 0; week < 4; week++)
        {
            (await Evaluate(gate, "10.30.0.5", ActionKinds.TcpReset, clock.GetUtcNow())).State.ShouldBe(ActionStates.SuppressedByWindow);
            clock.Advance(TimeSpan.FromDays(3));
            (await Evaluate(gate, "10.30.0.5", ActionKinds.TcpReset, clock.GetUtcNow())).Verdict.ShouldBe(GateVerdict.Allow);
            clock.Advance(TimeSpan.FromDays(4));
        }
    }

    [Fact]
    public async Task Evaluate_UserScope_UsesIncidentUserOrDeviceMap()
    {
        var window = Window("admin work", T0.AddHours(-1), T0.AddHours(1), users: ["alice@contoso.com"]);
        (await Evaluate(Gate(window), "10.10.0.66", ActionKinds.TcpReset, T0, user: "alice@contoso.com")).Verdict.ShouldBe(GateVerdict.Deny);
        (await Evaluate(Gate(window), "10.10.0.66", ActionKinds.TcpReset, T0)).Verdict.ShouldBe(GateVerdict.Allow);
        var mapped = new ChangeWindowGate(new AutoRespond.Responders.Windows.ChangeWindowEvaluator([window], NetworkConfig.Default),
            new Dictionary<System.Net.IPAddress, string> { [System.Net.IPAddress.Parse("10.10.0.66")] = "alice@contoso.com" });
        (await Evaluate(mapped, "10.10.0.66", ActionKinds.TcpReset, T0)).Verdict.ShouldBe(GateVerdict.Deny);
    }

    [Fact]
    public async Task Evaluate_OtherDevice_Allows() =>
        (await Evaluate(Gate(Ehr), "10.30.0.6", ActionKinds.FirewallBlock, T0)).ShouldBe(GateDecision.Allow);

    [Fact]
    public async Task Evaluate_TicketInsideSuppressWindow_IsRecordedOnly() =>
        (await Evaluate(Gate(Ehr), "10.30.0.5", ActionKinds.Ticket, T0)).State.ShouldBe(ActionStates.SuppressedByWindow);

    [Fact]
    public async Task Evaluate_TicketInsideConfirmWindow_GoesOut() =>
        (await Evaluate(Gate(Ehr with { Effect = WindowEffect.Confirm }), "10.30.0.5", ActionKinds.Ticket, T0))
            .ShouldBe(GateDecision.Allow);

    [Fact]
    public async Task Evaluate_ConfirmEffect_Holds()
    {
        var decision = await Evaluate(Gate(Ehr with { Effect = WindowEffect.Confirm }), "10.30.0.5", ActionKinds.TcpReset, T0);
        decision.Verdict.ShouldBe(GateVerdict.Hold);
        decision.State.ShouldBe(ActionStates.AwaitingConfirmation);
    }

    [Fact]
    public async Task Evaluate_CapEffect_DeniesStepsAboveCapOnly()
    {
        var gate = Gate(Ehr with { Effect = WindowEffect.Cap, CapScore = 0.8 });
        (await Evaluate(gate, "10.30.0.5", ActionKinds.TcpReset, T0, stepMin: 0.8)).ShouldBe(GateDecision.Allow);
        (await Evaluate(gate, "10.30.0.5", ActionKinds.FirewallBlock, T0, stepMin: 0.95)).State.ShouldBe(ActionStates.CappedByWindow);
    }

    [Fact]
    public async Task Evaluate_SeveralWindows_StrictestWins()
    {
        var confirm = Ehr with { Name = "confirm", Effect = WindowEffect.Confirm };
        var suppress = Ehr with { Name = "suppress" };
        var decision = await Evaluate(new ChangeWindowGate([confirm, suppress], NetworkConfig.Default), "10.30.0.5", ActionKinds.TcpReset, T0);
        decision.State.ShouldBe(ActionStates.SuppressedByWindow);
        decision.Window.ShouldBe("suppress");
    }

    [Fact]
    public async Task Evaluate_ScopeActionsListed_OnlyThoseKinds()
    {
        var gate = Gate(Ehr with { Scope = Ehr.Scope with { Actions = [ActionKinds.FirewallBlock] } });
        (await Evaluate(gate, "10.30.0.5", ActionKinds.TcpReset, T0)).Verdict.ShouldBe(GateVerdict.Allow);
        (await Evaluate(gate, "10.30.0.5", ActionKinds.FirewallBlock, T0)).Verdict.ShouldBe(GateVerdict.Deny);
    }

    private static ChangeWindowGate Gate(WindowConfig window) => new([window], NetworkConfig.Default);
}
