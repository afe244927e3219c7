using AutoRespond.Brain.Statistics;

namespace AutoRespond.Brain.Tests.Statistics;

public sealed class LastLookupsTests
{
    [Fact]
    public void TryGet_MatchesTheSameStringObjectOnly()
    {
        var lookups = new LastLookups<int>();
        string key = "10.20.0." + 21.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string equalCopy = new(key.AsSpan());
        lookups.Remember(key, 7);

        lookups.TryGet(key, out int found).ShouldBeTrue();
        found.ShouldBe(7);
        lookups.TryGet(equalCopy, out _).ShouldBeFalse(); // equal text, other object: a miss, the caller looks it up
    }

    [Fact]
    public void Remember_KeepsTheLastTwo()
    {
        var lookups = new LastLookups<string>();
        lookups.Remember("a", "1");
        lookups.Remember("b", "2");
        lookups.Remember("c", "3");

        lookups.TryGet("a", out _).ShouldBeFalse();
        lookups.TryGet("b", out var b).ShouldBeTrue();
        lookups.TryGet("c", out var c).ShouldBeTrue();
        (b, c).ShouldBe(("2", "3"));
    }
}
