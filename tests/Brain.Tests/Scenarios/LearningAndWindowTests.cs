using System.Net;
using AutoRespond.Brain.Models;
using AutoRespond.Brain.Tests.Support;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Brain.Tests.Scenarios;

public sealed class LearningAndWindowTests
{
    private const string Historian = "10.10.0.40";

    [Fact]
    public void DefaultModels_WholeStoryInsideTheLearningPeriod_NeverBreach()
    {
        var (brain, found) = Ev.Brain(TimeSpan.FromHours(4));
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(Story.Attack(Ev.T0.AddHours(2.5)));
        brain.Run(events);
        found.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public void Process_AttackInsideAChangeWindow_IsStillScored()
    {
        var window = Window(Ev.T0.AddHours(2.4), Ev.T0.AddHours(4), devices: [IPNetwork.Parse(Story.Attacker + "/32")]);
        var (brain, found) = Ev.Brain(new BrainOptions { LearningPeriod = TimeSpan.FromHours(2), Windows = [window] });
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        events.AddRange(Story.Attack(Ev.T0.AddHours(2.5)));
        brain.Run(events);
        found.Breaches.Select(b => b.Model).ShouldContain(ModelIds.UncommonIcsReprogram);
        found.Breaches.Select(b => b.Model).ShouldContain(ModelIds.UnusualAdminRdp);
    }

    [Fact]
    public void Process_PollingOnlyInsideAWindow_IsNotLearnt()
    {
        // Control: a historian in IT polling the PLC all along is learnt and never breaches.
        var (control, none) = Ev.Brain(TimeSpan.FromHours(2), new ItToIcsConnectionModel());
        control.Run(HistorianPolling());
        none.Breaches.ShouldBeEmpty();

        // The same polling during learning inside a zone-scoped window teaches nothing: afterwards it is new.
        var window = Window(Ev.T0, Ev.T0.AddHours(2), zones: ["Computing"]);
        var (brain, found) = Ev.Brain(new BrainOptions { LearningPeriod = TimeSpan.FromHours(2), Windows = [window] },
            new ItToIcsConnectionModel());
        brain.Run(HistorianPolling());
        found.Breaches.ShouldHaveSingleItem().Device.Ip.ShouldBe(Historian);
    }

    [Fact]
    public void Process_WindowEvaluatorSeam_ReplacesTheIntervals()
    {
        var options = new BrainOptions
        {
            LearningPeriod = TimeSpan.FromHours(2),
            IsInsideWindow = (ip, t) => ip == Historian && t < Ev.T0.AddHours(2),
        };
        var (brain, found) = Ev.Brain(options, new ItToIcsConnectionModel());
        brain.Run(HistorianPolling());
        found.Breaches.ShouldHaveSingleItem().Device.Ip.ShouldBe(Historian);
    }

    [Fact]
    public void Process_WindowWithAnEmptyScope_FreezesEveryDevice()
    {
        var window = Window(Ev.T0, Ev.T0.AddHours(2));
        var (brain, found) = Ev.Brain(new BrainOptions { LearningPeriod = TimeSpan.FromHours(2), Windows = [window] },
            new ItToIcsConnectionModel());
        brain.Run(HistorianPolling());
        found.Breaches.ShouldHaveSingleItem().Device.Ip.ShouldBe(Historian);
    }

    [Fact]
    public void From_Configuration_TakesLearningPeriodAndWindows()
    {
        var window = Window(Ev.T0, Ev.T0.AddHours(2));
        var options = BrainOptions.From(new AutoRespondConfig { Learning = new LearningConfig(TimeSpan.FromHours(7)), Windows = [window] });
        options.LearningPeriod.ShouldBe(TimeSpan.FromHours(7));
        options.Windows.ShouldBe([window]);
    }

    private static List<NetworkEvent> HistorianPolling()
    {
        var events = Background.Plant(Ev.T0, Ev.T0.AddHours(3));
        for (var t = Ev.T0.AddMinutes(1); t < Ev.T0.AddHours(3); t += TimeSpan.FromMinutes(5))
            events.Add(Ev.Ics(t, Historian, Background.ModbusPlc, "read", "read-holding-registers", "unit=1 start=0 quantity=10", "modbus", 502, code: 3));
        return events;
    }

    private static WindowConfig Window(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<IPNetwork>? devices = null,
        IReadOnlyList<string>? zones = null) =>
        new("change", start, end, null, null, new WindowScope(devices ?? [], zones ?? [], [], []), WindowEffect.Suppress, null);
}
