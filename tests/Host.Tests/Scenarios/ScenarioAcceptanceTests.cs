using AutoRespond.Contracts;
using static AutoRespond.Host.Tests.Scenarios.ScenarioReplay;

namespace AutoRespond.Host.Tests.Scenarios;

/// <summary>
/// The product's reference stories, end to end from packets: the IT→OT sabotage is caught as one critical
/// incident within minutes; a quiet office week raises nothing; an EHR upgrade is left alone inside its
/// change window and stopped outside it.
/// </summary>
public sealed class ScenarioAcceptanceTests
{
    private const string Attacker = "10.10.0.66";
    private const string AdminServer = "10.30.0.5";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task IcsSabotage_AllTwelveModelsBreachForTheAttackerOnly_OneCriticalIncidentWithinMinutes(int seed)
    {
        var run = await RunAsync("ics-sabotage", seed);
        var breaches = run.OfType("breach").ToArray();
        breaches.Where(b => S(b, "device") == Attacker).Select(b => S(b, "model")).Distinct().Order()
            .ShouldBe(ModelIds.All.Order());
        breaches.Where(b => S(b, "device") != Attacker && ModelIds.All.Contains(S(b, "model")))
            .Select(b => $"{S(b, "device")} {S(b, "model")}").ShouldBeEmpty();

        var incidents = run.OfType("incident").Where(i => S(i.GetProperty("device"), "ip") == Attacker).ToArray();
        incidents.Select(i => S(i, "id")).Distinct().ShouldHaveSingleItem();
        incidents.Max(i => i.GetProperty("score").GetDouble()).ShouldBeGreaterThanOrEqualTo(0.95);
        incidents[^1].GetProperty("category").GetString().ShouldBe("ics-sabotage");
        var rdp = run.Simulation.Milestone("rdp").Start;
        (T(incidents[0]) - rdp).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(5));
        T(incidents[0]).ShouldBeGreaterThanOrEqualTo(rdp);
    }

    [Fact]
    public async Task BenignOffice_SeventyTwoHours_NoIncident()
    {
        var run = await RunAsync("benign-office", 1);
        run.OfType("incident").Select(i => S(i, "summary")).ShouldBeEmpty();
        (run.Simulation.End - run.Simulation.Start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromHours(72));
    }

    [Fact]
    public async Task EhrUpgrade_InsideWindowSuppressed_OutsideActedWithPlannedWorkNote()
    {
        var run = await RunAsync("ehr-upgrade", 1);
        var inside = run.Simulation.Milestone("upgrade-1");
        var outside = run.Simulation.Milestone("upgrade-2");
        var actions = run.OfType("action").Where(a => S(a, "target") == AdminServer).ToArray();

        var during = actions.Where(a => T(a) >= inside.Start && T(a) <= inside.End.AddHours(1)).ToArray();
        during.ShouldNotBeEmpty();
        during.ShouldAllBe(a => S(a, "state") == ActionStates.SuppressedByWindow && S(a, "window") == "EHR upgrade");

        var after = actions.Where(a => T(a) >= outside.Start && T(a) <= outside.End.AddHours(1)).ToArray();
        after.ShouldContain(a => S(a, "state") == ActionStates.DryRun || S(a, "state") == ActionStates.Executed);
        after.ShouldContain(a => S(a, "note").Contains("resembles planned work: EHR upgrade", StringComparison.Ordinal));
        after.ShouldContain(a => S(a, "kind") == ActionKinds.FirewallBlock);
    }
}
