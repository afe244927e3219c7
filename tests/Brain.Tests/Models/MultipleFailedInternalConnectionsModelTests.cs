using AutoRespond.Brain.Models;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Models;

public sealed class MultipleFailedInternalConnectionsModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_ScanOfTwelvePorts_BreachesOnceWithEvidence()
    {
        var (brain, found) = Brain(TimeSpan.Zero);
        for (int port = 1; port <= 12; port++)
            brain.Process(Flows.Attempt(T0.AddSeconds(port), "10.1.0.5", "10.1.0.9", port));

        var breach = found.Breaches.ShouldHaveSingleItem();
        breach.Model.ShouldBe(ModelIds.MultipleFailedInternalConnections);
        breach.Device.Ip.ShouldBe("10.1.0.5");
        breach.Score.ShouldBeGreaterThanOrEqualTo(0.5);
        breach.Evidence["failed_targets"].ShouldBe(10);
        breach.Peers.ShouldBe(["10.1.0.9"]);
        found.Incidents.ShouldHaveSingleItem().Models.ShouldBe([ModelIds.MultipleFailedInternalConnections]);
    }

    [Fact]
    public void Observe_NineFailedTargets_StaysBelowFloor()
    {
        var (brain, found) = Brain(TimeSpan.Zero);
        for (int port = 1; port <= 9; port++)
            brain.Process(Flows.Attempt(T0.AddSeconds(port), "10.1.0.5", "10.1.0.9", port));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_DuringLearning_NeverBreaches()
    {
        var (brain, found) = Brain(TimeSpan.FromHours(1));
        for (int port = 1; port <= 200; port++)
            brain.Process(Flows.Attempt(T0.AddSeconds(port), "10.1.0.5", "10.1.0.9", port));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_ExternalTargets_AreNotInternalScanning()
    {
        var (brain, found) = Brain(TimeSpan.Zero);
        for (int port = 1; port <= 50; port++)
            brain.Process(Flows.Attempt(T0.AddSeconds(port), "10.1.0.5", "203.0.113.7", port));
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_SameFlowAtAttemptAndEnd_CountsOnce()
    {
        var (brain, found) = Brain(TimeSpan.Zero);
        for (int port = 1; port <= 9; port++)
        {
            var attempt = Flows.Attempt(T0.AddSeconds(port), "10.1.0.5", "10.1.0.9", port);
            brain.Process(attempt);
            brain.Process(new FlowObserved(attempt.Time.AddMinutes(1), FlowPhase.Ended, attempt.Flow));
        }
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Observe_SoftFailures_CountLikeZeekScan()
    {
        var (brain, found) = Brain(TimeSpan.Zero);
        for (int port = 1; port <= 10; port++)
            brain.Process(Flows.Ended(T0.AddSeconds(port), "10.1.0.5", "10.1.0.9", port, "RSTO", "ShR"));
        found.Breaches.ShouldHaveSingleItem();
    }

    [Fact]
    public void Observe_DeviceThatAlwaysFailsFifteenTargets_IsNotUnusual()
    {
        // A monitoring server probes 15 dead targets every 10 minutes for two days (its pattern of life),
        // then keeps doing so: the learnt rate makes 15 ordinary. Twenty office devices of its zone fail
        // nothing, so a fresh device of that zone doing what the server does breaches.
        var (brain, found) = Brain(TimeSpan.FromDays(1));
        var t = T0;
        for (int window = 0; window < 288; window++, t = t.AddMinutes(10))
        {
            for (int target = 0; target < 15; target++)
                brain.Process(Flows.Attempt(t.AddSeconds(target), "10.1.0.50", $"10.1.1.{target + 1}", 161));
            for (int office = 0; office < 20; office++)
                brain.Process(Flows.Ended(t.AddSeconds(20 + office), $"10.1.0.{100 + office}", "10.1.2.1", 445, "SF", "ShADadFf"));
        }
        found.Breaches.ShouldBeEmpty();

        for (int target = 0; target < 15; target++)
            brain.Process(Flows.Attempt(t.AddSeconds(target), "10.1.0.77", $"10.1.1.{target + 1}", 161));
        found.Breaches.ShouldHaveSingleItem().Device.Ip.ShouldBe("10.1.0.77");
    }

    private static (BrainEngine, RecordingObserver) Brain(TimeSpan learning)
    {
        var observer = new RecordingObserver();
        var engine = new BrainEngine(new BrainOptions { LearningPeriod = learning }, NetworkConfig.Default,
            [new MultipleFailedInternalConnectionsModel()], observer);
        return (engine, observer);
    }
}

internal sealed class RecordingObserver : IBrainObserver
{
    public List<Breach> Breaches { get; } = [];
    public List<IncidentScored> Incidents { get; } = [];
    public void OnBreach(Breach breach) => Breaches.Add(breach);
    public void OnIncident(IncidentScored incident) => Incidents.Add(incident);
}
