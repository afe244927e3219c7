using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Windows;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Windows;

public sealed class ChangeWindowEvaluatorTests
{
    private static readonly NetworkConfig Network = new()
    {
        Zones = [new ZoneConfig("Clinical", [System.Net.IPNetwork.Parse("10.30.0.0/24")], ZoneKind.It, [])],
    };

    private static readonly WindowConfig Ehr = Window("EHR upgrade", T0.AddHours(-1), T0.AddHours(5), devices: ["10.30.0.5"]);

    [Theory]
    [InlineData("10.30.0.5", null, null, true)]
    [InlineData("10.30.0.6", null, null, false)]
    [InlineData("10.30.0.6", null, "it-admin@contoso.com", true)]
    [InlineData("10.99.0.1", "Clinical", null, true)]
    [InlineData("10.30.0.7", null, null, true)] // zone from network.zones
    public void Covering_ScopeByDeviceZoneOrUser(string device, string? zone, string? user, bool covered)
    {
        var window = Window("w", T0.AddHours(-1), T0.AddHours(1), devices: ["10.30.0.5/32"], zones: device == "10.30.0.6" ? [] : ["Clinical"],
            users: ["IT-Admin@contoso.com"]);
        var evaluator = new ChangeWindowEvaluator([window], Network);
        evaluator.Covering(new WindowSubject(device, zone, user, ActionKinds.FirewallBlock), T0).Count.ShouldBe(covered ? 1 : 0);
    }

    [Fact]
    public void Covering_EmptyScope_CoversEverything() =>
        new ChangeWindowEvaluator([Window("freeze", T0, T0.AddHours(1))], Network)
            .Covering(new WindowSubject("192.0.2.1"), T0).ShouldHaveSingleItem();

    [Fact]
    public void Covering_ActionsListed_OnlyThoseKinds()
    {
        var evaluator = new ChangeWindowEvaluator([Ehr with { Scope = Ehr.Scope with { Actions = [ActionKinds.FirewallBlock] } }], Network);
        evaluator.Covering(new WindowSubject("10.30.0.5", Kind: ActionKinds.TcpReset), T0).ShouldBeEmpty();
        evaluator.Covering(new WindowSubject("10.30.0.5", Kind: ActionKinds.FirewallBlock), T0).ShouldHaveSingleItem();
    }

    [Fact]
    public void Resembles_AfterWindowEnded_SaysHowLongAgo() =>
        new ChangeWindowEvaluator([Ehr], Network).ResemblesPlannedWork(new WindowSubject("10.30.0.5", Kind: "firewall-block"), T0.AddHours(7))
            .ShouldBe("resembles planned work: EHR upgrade, window ended 2 h ago");

    [Fact]
    public void Resembles_BeforeWindowStarts_SaysWhen() =>
        new ChangeWindowEvaluator([Ehr], Network).ResemblesPlannedWork(new WindowSubject("10.30.0.5"), T0.AddMinutes(-90))
            .ShouldBe("resembles planned work: EHR upgrade, window starts in 30 min");

    [Fact]
    public void Resembles_OpenWindowForOtherKinds_SaysSo()
    {
        var evaluator = new ChangeWindowEvaluator([Ehr with { Scope = Ehr.Scope with { Actions = [ActionKinds.FirewallBlock] } }], Network);
        evaluator.ResemblesPlannedWork(new WindowSubject("10.30.0.5", Kind: ActionKinds.TcpReset), T0)
            .ShouldBe("resembles planned work: EHR upgrade, window open but not for tcp-reset");
    }

    [Fact]
    public void Resembles_SameDeviceOtherTimes_SaysSo() =>
        new ChangeWindowEvaluator([Ehr], Network).ResemblesPlannedWork(new WindowSubject("10.30.0.5"), T0.AddDays(10))
            .ShouldBe("resembles planned work: EHR upgrade covers this device at other times");

    [Fact]
    public void Resembles_OtherDevice_Nothing()
    {
        var evaluator = new ChangeWindowEvaluator([Ehr], Network);
        evaluator.ResemblesPlannedWork(new WindowSubject("10.10.0.66"), T0.AddHours(7)).ShouldBeNull();
        evaluator.ResemblesPlannedWork(new WindowSubject("10.10.0.66"), T0.AddDays(10)).ShouldBeNull();
    }

    [Fact]
    public void Resembles_RecurringWindow_NearestOccurrence()
    {
        var weekly = Window("Patch Sunday", new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero), "FREQ=WEEKLY;BYDAY=SU", "Europe/London", devices: ["10.30.0.0/24"]);
        var evaluator = new ChangeWindowEvaluator([weekly], Network);
        evaluator.ResemblesPlannedWork(new WindowSubject("10.30.0.9"), new DateTimeOffset(2026, 12, 13, 7, 0, 0, TimeSpan.Zero))
            .ShouldBe("resembles planned work: Patch Sunday, window ended 4 h ago");
    }
}
