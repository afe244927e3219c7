using System.Text.Json;
using AutoRespond.Contracts;

namespace AutoRespond.Integration.Tests.Bus;

internal static class IncidentAssertions
{
    /// <summary>
    /// The consumer got the published incident. Evidence values are <c>object</c>, so after JSON transport
    /// they arrive as <see cref="JsonElement"/>s: compare them as JSON, not by CLR type.
    /// </summary>
    public static void ShouldMatch(this IncidentScored received, IncidentScored sent)
    {
        received.Id.ShouldBe(sent.Id);
        received.Revision.ShouldBe(sent.Revision);
        received.Score.ShouldBe(sent.Score);
        received.Time.ShouldBe(sent.Time);
        received.Device.ShouldBe(sent.Device);
        received.Category.ShouldBe(sent.Category);
        received.Models.ShouldBe(sent.Models);
        received.Attack.ShouldBe(sent.Attack);

        var breach = received.Breaches.ShouldHaveSingleItem();
        var sentBreach = sent.Breaches[0];
        breach.Id.ShouldBe(sentBreach.Id);
        breach.Model.ShouldBe(sentBreach.Model);
        breach.Score.ShouldBe(sentBreach.Score);
        breach.Peers.ShouldBe(sentBreach.Peers);
        JsonSerializer.Serialize(breach.Evidence).ShouldBe(JsonSerializer.Serialize(sentBreach.Evidence));
        Number(breach.Evidence["failed_targets"]).ShouldBe(12);
    }

    private static double Number(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ShouldAssertException($"Evidence value {value} ({value.GetType()}) is not a number."),
    };
}
