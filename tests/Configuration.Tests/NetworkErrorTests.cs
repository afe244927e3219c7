using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

public class NetworkErrorTests
{
    [Fact]
    public void LoadText_InternalIsMapping_ExpectsListOfCidrs()
    {
        SingleError("network:\n  internal: { a: 1 }\n", 2, 13, "network.internal: expected a list of CIDRs, got a mapping");
    }

    [Fact]
    public void LoadText_InternalIsScalar_ExpectsListOfCidrs()
    {
        SingleError("network:\n  internal: 10.0.0.0/8\n", 2, 13, "expected a list of CIDRs, got '10.0.0.0/8'");
    }

    [Theory]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33' has prefix length 33, more than 32 for IPv4")]
    [InlineData("\"fe80::/129\"", "more than 128 for IPv6")]
    [InlineData("10.0.0.300/8", "'10.0.0.300' is not a valid IP address")]
    [InlineData("banana", "expected a CIDR like 10.0.0.0/8 or an IP address, got 'banana'")]
    [InlineData("10.0.0.1/8", "'10.0.0.1/8' has host bits set; did you mean 10.0.0.0/8?")]
    [InlineData("\"2001:db8::1/32\"", "did you mean 2001:db8::/32?")]
    [InlineData("010.0.0.1", "'010.0.0.1' is not a valid IP address")]
    [InlineData("10.1", "'10.1' is not a valid IP address")]
    [InlineData("10.0.0.0/x", "invalid prefix length 'x'")]
    public void LoadText_BadCidr_ExplainsTheProblem(string cidr, string phrase)
    {
        SingleError($"network:\n  protected: [{cidr}]\n", 2, 15, phrase);
    }

    [Fact]
    public void LoadText_BadCidrInList_ReportsItsIndex()
    {
        SingleError("network:\n  internal: [10.0.0.0/8, nope]\n", 2, 26, "network.internal[1]:");
    }

    [Fact]
    public void LoadText_DuplicateZoneName_IsRejected()
    {
        const string yaml = "network:\n  zones:\n    - { name: A, cidrs: [10.0.0.0/24] }\n    - { name: A, cidrs: [10.0.1.0/24] }\n";

        SingleError(yaml, 4, 15, "duplicate zone name 'A'");
    }

    [Fact]
    public void LoadText_ZoneWithoutName_ReportsMissingKey()
    {
        SingleError("network:\n  zones:\n    - cidrs: [10.0.0.0/8]\n", 3, 7, "missing required key 'name' in 'network.zones[0]'");
    }

    [Fact]
    public void LoadText_ZoneWithoutNameAndBadKind_ReportsBoth()
    {
        Errors("network:\n  zones: [ { cidrs: [10.0.0.0/8], kind: scada } ]\n")
            .Select(e => (e.Column, e.Message))
            .ShouldBe([
                (12, "missing required key 'name' in 'network.zones[0]'"),
                (41, "network.zones[0].kind: expected one of it, ot, dmz, other, got 'scada'"),
            ]);
    }

    [Fact]
    public void LoadText_ZoneWithoutCidrsOrVlans_IsRejected()
    {
        SingleError("network:\n  zones:\n    - name: Z\n", 3, 7, "a zone needs 'cidrs', 'vlans' or both");
    }

    [Fact]
    public void LoadText_ZoneKindUnknown_ListsKinds()
    {
        const string yaml = "network:\n  zones:\n    - name: Z\n      cidrs: [10.0.0.0/8]\n      kind: scada\n";

        SingleError(yaml, 5, 13, "expected one of it, ot, dmz, other, got 'scada'");
    }

    [Fact]
    public void LoadText_VlanOutOfRange_IsRejected()
    {
        SingleError("network:\n  zones: [ { name: Z, vlans: [5000] } ]\n", 2, 31, "expected a whole number from 1 to 4094, got '5000'");
    }

    [Fact]
    public void LoadText_VlanInTwoZones_IsRejected()
    {
        const string yaml = "network:\n  zones:\n    - { name: A, vlans: [10] }\n    - { name: B, vlans: [11, 10] }\n";

        SingleError(yaml, 4, 25, "VLAN 10 is already in zone 'A'");
    }

    [Fact]
    public void LoadText_SameCidrInTwoZones_IsRejected()
    {
        const string yaml = "network:\n  zones:\n    - { name: A, cidrs: [10.0.0.0/24] }\n    - { name: B, cidrs: [10.0.0.0/24] }\n";

        SingleError(yaml, 4, 25, "10.0.0.0/24 is already in zone 'A'");
    }
}
