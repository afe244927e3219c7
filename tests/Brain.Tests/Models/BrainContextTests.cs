using AutoRespond.Brain.Devices;
using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;

namespace AutoRespond.Brain.Tests.Models;

public sealed class BrainContextTests
{
    private readonly DeviceRegistry _devices = new(Ev.Plant);

    [Fact]
    public void Propose_WithinCooldown_OnlyAHigherScoreOrANewNoveltyBreaches()
    {
        var context = new BrainContext(_devices, new BrainOptions { LearningPeriod = TimeSpan.Zero });
        context.Advance(Ev.T0);
        var device = _devices.Touch("10.10.0.5", Ev.T0)!;
        Propose(context, device, 0.7, "10.20.0.10").ShouldBeTrue();
        Propose(context, device, 0.72, "10.20.0.10").ShouldBeFalse();  // same peer, +0.02
        Propose(context, device, 0.6, "10.20.0.11").ShouldBeTrue();   // a new peer
        Propose(context, device, 0.6, "10.20.0.11").ShouldBeFalse();  // not new any more
        Propose(context, device, 0.8, null).ShouldBeTrue();           // +0.1
        context.Advance(Ev.T0.AddHours(2));
        Propose(context, device, 0.55, "10.20.0.10").ShouldBeTrue();  // cool-down over
        context.TakePending().Count.ShouldBe(4);
    }

    [Fact]
    public void HasRole_EvidenceAfterLearning_CountsOnlyOnceSettled()
    {
        var context = new BrainContext(_devices, new BrainOptions { LearningPeriod = TimeSpan.FromHours(1) });
        context.Advance(Ev.T0);
        _devices.Observe(Ev.Ics(Ev.T0.AddMinutes(10), "10.20.0.50", "10.20.0.21", "reprogram", "download-block"));
        _devices.Observe(Ev.Ics(Ev.T0.AddHours(3), "10.20.0.51", "10.20.0.21", "reprogram", "download-block"));
        context.Advance(Ev.T0.AddHours(4));
        context.HasRole(_devices.Find("10.20.0.50")!, DeviceRole.EngineeringWorkstation).ShouldBeTrue();   // learnt in learning
        context.HasRole(_devices.Find("10.20.0.51")!, DeviceRole.EngineeringWorkstation).ShouldBeFalse();  // 1 h old
        context.Advance(Ev.T0.AddHours(27));
        context.HasRole(_devices.Find("10.20.0.51")!, DeviceRole.EngineeringWorkstation).ShouldBeTrue();   // 24 h old
    }

    private static bool Propose(BrainContext context, DeviceProfile device, double score, string? novelty) =>
        context.Propose("m", device, score, "s", new Dictionary<string, object>(), [], novelty);
}
