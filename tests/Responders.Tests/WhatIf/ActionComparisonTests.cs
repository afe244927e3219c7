using AutoRespond.Contracts;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.WhatIf;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.WhatIf;

public sealed class ActionComparisonTests
{
    private static ActionDecision D(string id, string state, int minute = 0, string kind = ActionKinds.FirewallBlock) =>
        new(id, "inc-1", kind, "10.0.0.1", state, T0.AddMinutes(minute), null, null, "r-" + state, null, 0);

    [Fact]
    public void Compare_FinalStatesDiffer_OnlyDifferencesInTimeOrder()
    {
        var a = new[] { D("act-1", ActionStates.DryRun), D("act-2", ActionStates.AwaitingConfirmation, 5), D("act-2", ActionStates.Executed, 6), D("act-3", ActionStates.DryRun, 1) };
        var b = new[] { D("act-1", ActionStates.DryRun), D("act-2", ActionStates.SuppressedByWindow, 5), D("act-4", ActionStates.DryRun, 2) };
        var diff = ActionComparison.Compare(a, b);
        diff.Select(d => (d.ActionId, d.StateA, d.StateB)).ShouldBe([
            ("act-3", ActionStates.DryRun, (string?)null),
            ("act-4", null, ActionStates.DryRun),
            ("act-2", ActionStates.Executed, ActionStates.SuppressedByWindow),
        ]);
    }
}
