using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Escalation;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Escalation;

public sealed class OffenderHistoryTests
{
    private static readonly ResponseConfig Blocking = ResponseConfig.Default with
    {
        Ladder = [new LadderStep(0.5, [ActionKinds.Ticket, ActionKinds.FirewallBlock], TimeSpan.FromMinutes(5), null)],
    };

    [Fact]
    public async Task Handle_RepeatOffender_DurationsClimbTheLadder()
    {
        var harness = new EngineHarness(Blocking, escalation: EscalationOptions.Default);
        var time = T0;
        for (int offence = 1; offence <= 5; offence++)
        {
            await harness.Engine.HandleAsync(Scored(0.9, id: $"inc-{offence}", time: time), TestContext.Current.CancellationToken);
            var block = harness.Decisions.Last(d => d.Kind == ActionKinds.FirewallBlock);
            block.IncidentId.ShouldBe($"inc-{offence}");
            time = block.Expires.ShouldNotBeNull() + TimeSpan.FromMinutes(1); // the next offence after this block ended
        }
        var durations = harness.Decisions.Where(d => d.Kind == ActionKinds.FirewallBlock).Select(d => d.Expires!.Value - d.Time).ToArray();
        durations.ShouldBe([TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7), TimeSpan.FromDays(7)]);
        harness.Decisions.Last().Reason.ShouldContain("offence 5 of firewall-block by 10.10.0.66 within 7d");
    }

    [Fact]
    public async Task Handle_AfterWatchPeriod_StartsAgain()
    {
        var harness = new EngineHarness(Blocking, escalation: EscalationOptions.Default with { WatchPeriod = TimeSpan.FromDays(1) });
        await harness.Engine.HandleAsync(Scored(0.9, id: "inc-1", time: T0), TestContext.Current.CancellationToken);
        await harness.Engine.HandleAsync(Scored(0.9, id: "inc-2", time: T0.AddHours(2)), TestContext.Current.CancellationToken);
        await harness.Engine.HandleAsync(Scored(0.9, id: "inc-3", time: T0.AddDays(3)), TestContext.Current.CancellationToken);
        harness.Decisions.Where(d => d.Kind == ActionKinds.FirewallBlock).Select(d => d.Expires!.Value - d.Time)
            .ShouldBe([TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)]);
    }

    [Fact]
    public void Escalate_NeverShorterThanStep_NorForOneWayKinds()
    {
        var history = new OffenderHistory(EscalationOptions.Default);
        var longStep = Action("10.0.0.1", ActionKinds.FirewallBlock, T0, duration: TimeSpan.FromHours(4));
        history.Escalate(longStep).ShouldBeSameAs(longStep);
        history.Record("10.0.0.1", ActionKinds.RevokeSessions, T0);
        var revoke = Action("10.0.0.1", ActionKinds.RevokeSessions, T0.AddHours(1));
        history.Escalate(revoke).ShouldBeSameAs(revoke);
    }

    [Fact]
    public void Options_Validate_RejectsDecreasingIntervals() =>
        (EscalationOptions.Default with { Intervals = [TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)] }).Validate().ShouldNotBeEmpty();
}
