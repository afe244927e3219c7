using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Escalation;
using AutoRespond.Responders.Policy;
using static AutoRespond.Responders.Tests.Incidents;

namespace AutoRespond.Responders.Tests.Policy;

public sealed class PolicyValidatorTests
{
    private static PolicyValidationResult Validate(LadderStep step, params WindowConfig[] windows) =>
        PolicyValidator.Validate(AutoRespondConfig.Default with { Response = ResponseConfig.Default with { Ladder = [step] }, Windows = windows });

    [Fact]
    public void DefaultConfig_Valid() => PolicyValidator.Validate(AutoRespondConfig.Default).IsValid.ShouldBeTrue();

    [Fact]
    public void DurationOnOnlyOneWayKinds_Rejected()
    {
        var result = Validate(new LadderStep(0.9, [ActionKinds.Ticket, ActionKinds.RevokeSessions], TimeSpan.FromHours(1), null));
        result.IsValid.ShouldBeFalse();
        result.Issues.ShouldHaveSingleItem().Path.ShouldBe("response.ladder[0].duration");
    }

    [Fact]
    public void DurationOnMixedStep_WarnsForOneWayKind()
    {
        var result = Validate(new LadderStep(0.9, [ActionKinds.FirewallBlock, ActionKinds.RevokeSessions], TimeSpan.FromHours(1), null));
        result.IsValid.ShouldBeTrue();
        result.Issues.ShouldHaveSingleItem().Message.ShouldContain("revoke-sessions cannot be undone");
    }

    [Fact]
    public void ResetWithoutIcsRole_Warns() =>
        Validate(new LadderStep(0.9, [ActionKinds.TcpReset], null, null)).Issues.ShouldHaveSingleItem().Message.ShouldContain("OT safety");

    [Fact]
    public void Windows_BadRuleOrZone_RejectedAndNoZoneWarned()
    {
        var step = new LadderStep(0.9, [ActionKinds.Ticket], null, null);
        Validate(step, Window("w", T0, T0.AddHours(1), "FREQ=DAILY", "Mars/Olympus")).IsValid.ShouldBeFalse();
        var utc = Validate(step, Window("w", T0, T0.AddHours(1), "FREQ=DAILY"));
        utc.IsValid.ShouldBeTrue();
        utc.Issues.ShouldHaveSingleItem().Path.ShouldBe("windows[0].tz");
        Validate(step, Window("w", T0, T0.AddHours(1), "FREQ=HOURLY", "Europe/London")).Issues.ShouldHaveSingleItem().Message.ShouldContain("Ical.Net");
    }

    [Fact]
    public void BadEscalation_Rejected() =>
        PolicyValidator.Validate(AutoRespondConfig.Default, EscalationOptions.Default with { Intervals = [] }).IsValid.ShouldBeFalse();
}
