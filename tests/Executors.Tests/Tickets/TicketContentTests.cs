using AutoRespond.Contracts;
using AutoRespond.Executors.Tickets.Content;

namespace AutoRespond.Executors.Tests.Tickets;

public sealed class TicketContentTests
{
    [Fact]
    public void Fingerprint_RepublishedWithTheSameContent_Unchanged()
    {
        var first = TicketContent.Build(TicketHarness.Incident(2), []);
        var again = TicketContent.Build(TicketHarness.Incident(2) with { Revision = 7 }, []);

        again.Fingerprint.ShouldBe(first.Fingerprint);
    }

    [Fact]
    public void Fingerprint_NewBreachOrNewAction_Changes()
    {
        var first = TicketContent.Build(TicketHarness.Incident(1), []);
        var grown = TicketContent.Build(TicketHarness.Incident(2), []);
        var acted = TicketContent.Build(TicketHarness.Incident(1), [new TicketActionLine("act-1", ActionKinds.FirewallBlock, "executed", "10.10.0.66", null)]);

        grown.Fingerprint.ShouldNotBe(first.Fingerprint);
        acted.Fingerprint.ShouldNotBe(first.Fingerprint);
    }

    [Fact]
    public void Narrative_LongerThanTheLimit_ClippedAndStillEndsWithTheFingerprint()
    {
        var content = TicketContent.Build(TicketHarness.Incident(40), []);

        string narrative = content.Narrative(600);

        narrative.Length.ShouldBeLessThanOrEqualTo(600);
        TicketContent.FingerprintIn(narrative).ShouldBe(content.Fingerprint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no fingerprint here")]
    [InlineData("AutoRespond fingerprint: XYZ")]
    public void FingerprintIn_NoValidFingerprint_Null(string? text) =>
        TicketContent.FingerprintIn(text).ShouldBeNull();
}
