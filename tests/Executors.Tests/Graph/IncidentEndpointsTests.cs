using AutoRespond.Contracts;
using AutoRespond.Executors.Graph;

namespace AutoRespond.Executors.Tests.Graph;

public sealed class IncidentEndpointsTests
{
    [Fact]
    public void Of_RareEndpointBreaches_AddressesAndCertificateNames()
    {
        var terms = IncidentEndpoints.Of(GraphHarness.Incident());

        terms.ShouldBe(["203.0.113.50", "update-check.example.net", "198.51.100.23"], ignoreOrder: true);
    }

    [Fact]
    public void Of_InternalPeersAndNonHostSubjects_Ignored()
    {
        var t = GraphHarness.T0;
        var incident = GraphHarness.Incident() with
        {
            Breaches =
            [
                new Breach("b-3", ModelIds.ItToIcsConnection, t, new DeviceRef("10.10.0.66"), 0.9, "it to ics",
                    new Dictionary<string, object> { ["server"] = "10.20.0.21", ["subject"] = "CN=PLC 7" }, ["10.20.0.21"]),
                new Breach("b-4", ModelIds.SslNoSniNewExternal, t, new DeviceRef("10.10.0.66"), 0.9, "no sni",
                    new Dictionary<string, object> { ["server"] = "192.168.1.9", ["sni"] = "c2.bad.example" }, ["100.64.1.1", "8.8.4.4"]),
            ],
        };

        IncidentEndpoints.Of(incident).ShouldBe(["c2.bad.example", "8.8.4.4"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("203.0.113.50", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.31.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("169.254.1.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("not-an-ip", false)]
    public void IsExternal_Address_Classified(string text, bool expected) =>
        IncidentEndpoints.IsExternal(text).ShouldBe(expected);
}
