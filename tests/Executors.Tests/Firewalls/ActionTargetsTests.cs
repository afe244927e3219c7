using AutoRespond.Executors.Common;
using AutoRespond.Executors.Switches;

namespace AutoRespond.Executors.Tests.Firewalls;

/// <summary>Pure logic: which targets are addresses, and where an action's ACL entry goes.</summary>
public sealed class ActionTargetsTests
{
    [Theory]
    [InlineData("198.18.0.1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("::1", true)]
    [InlineData("198.18.0", false)]
    [InlineData("3321823233", false)]
    [InlineData("198.018.0.1", false)]
    [InlineData("198.18.0.1/32", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("::ffff:198.18.0.1", false)]
    [InlineData("host.example", false)]
    [InlineData(" ", false)]
    public void TryParseAddress_Text_AcceptsOnlyPlainAddresses(string text, bool expected) =>
        ActionTargets.TryParseAddress(text, out _).ShouldBe(expected);

    [Fact]
    public void Choose_PreferredTaken_NextFreeNumber()
    {
        long preferred = AclSequences.Preferred("act-0123456789ab");

        AclSequences.Choose("act-0123456789ab", new HashSet<long>()).ShouldBe(preferred);
        AclSequences.Choose("act-0123456789ab", new HashSet<long> { preferred, preferred + 1 }).ShouldBe(preferred + 2);
        preferred.ShouldBeInRange(AclSequences.First, AclSequences.PermitAll - 1);
        AclSequences.Preferred("act-0123456789ac").ShouldNotBe(preferred);
    }
}
