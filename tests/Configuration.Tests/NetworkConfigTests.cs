using System.Net;
using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

public class NetworkConfigTests
{
    private static readonly NetworkConfig Network = Load("""
        network:
          zones:
            - { name: Campus,   cidrs: [10.0.0.0/8], kind: it }
            - { name: Plant,    cidrs: [10.20.0.0/16], kind: ot, vlans: [20] }
            - { name: Cell,     cidrs: [10.20.5.0/24], kind: ot }
            - { name: Guest,    vlans: [99], kind: other }
            - { name: Lab6,     cidrs: ["fd00:1::/64"] }
          protected: [10.20.0.21, 192.0.2.0/28]
        """).Network;

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.10.10", true)]
    [InlineData("fd12::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::ffff:192.168.1.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void IsInternal_DefaultNetworks_ClassifiesAddress(string ip, bool expected)
    {
        NetworkConfig.Default.IsInternal(IPAddress.Parse(ip)).ShouldBe(expected);
    }

    [Fact]
    public void IsInternal_ConfiguredList_ReplacesDefaults()
    {
        var network = Load("network:\n  internal: [10.0.0.0/8, 203.0.113.0/24]\n").Network;

        network.IsInternal(IPAddress.Parse("203.0.113.9")).ShouldBeTrue();
        network.IsInternal(IPAddress.Parse("10.9.9.9")).ShouldBeTrue();
        network.IsInternal(IPAddress.Parse("192.168.1.1")).ShouldBeFalse();
    }

    [Fact]
    public void IsInternal_EmptyList_MakesEverythingExternal()
    {
        Load("network:\n  internal: []\n").Network.IsInternal(IPAddress.Parse("10.0.0.1")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("10.20.5.7", "Cell")]
    [InlineData("10.20.6.7", "Plant")]
    [InlineData("10.99.0.1", "Campus")]
    [InlineData("::ffff:10.20.5.7", "Cell")]
    [InlineData("fd00:1::5", "Lab6")]
    [InlineData("192.168.0.1", null)]
    public void ZoneOf_NoVlan_PicksMostSpecificCidr(string ip, string? expected)
    {
        (Network.ZoneOf(IPAddress.Parse(ip), null)?.Name).ShouldBe(expected);
    }

    [Fact]
    public void ZoneOf_KnownVlan_WinsOverCidr()
    {
        Network.ZoneOf(IPAddress.Parse("10.20.5.7"), 99)!.Name.ShouldBe("Guest");
        Network.ZoneOf(IPAddress.Parse("10.99.0.1"), 20)!.Name.ShouldBe("Plant");
    }

    [Fact]
    public void ZoneOf_UnknownVlan_FallsBackToCidr()
    {
        Network.ZoneOf(IPAddress.Parse("10.20.5.7"), 42)!.Name.ShouldBe("Cell");
    }

    [Fact]
    public void ZoneOf_NoZones_ReturnsNull()
    {
        NetworkConfig.Default.ZoneOf(IPAddress.Parse("10.0.0.1"), 10).ShouldBeNull();
    }

    [Theory]
    [InlineData("10.20.0.21", true)]
    [InlineData("10.20.0.22", false)]
    [InlineData("192.0.2.15", true)]
    [InlineData("192.0.2.16", false)]
    [InlineData("::ffff:10.20.0.21", true)]
    public void IsProtected_HostAndNetworkEntries_MatchContainedAddresses(string ip, bool expected)
    {
        Network.IsProtected(IPAddress.Parse(ip)).ShouldBe(expected);
    }

    [Fact]
    public void FindZone_ExactName_ReturnsZoneAndIsCaseSensitive()
    {
        Network.FindZone("Plant")!.Kind.ShouldBe(ZoneKind.Ot);
        Network.FindZone("plant").ShouldBeNull();
    }
}
