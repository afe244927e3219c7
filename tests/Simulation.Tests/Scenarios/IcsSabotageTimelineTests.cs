using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.Simulation.Scenarios;
using AutoRespond.Simulation.Tests.Support;

namespace AutoRespond.Simulation.Tests.Scenarios;

/// <summary>The default ics-sabotage capture read back with the project's own reader, decoder and flow table.</summary>
public sealed class IcsSabotageTimelineTests
{
    private const string Attacker = IcsSabotageScenario.AttackerIp;
    private static readonly MacAddress AttackerMac = MacAddress.Parse("54:ee:75:3a:9c:42");

    [Fact]
    public void DefaultCapture_HasAtLeast48HoursOfBackground_ThenTheAttackWithin3Hours_AndStaysSane()
    {
        var (_, result) = Simulated.Capture("ics-sabotage");
        var attack = result.Milestone("attack");
        (attack.Start - result.Start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromHours(48));
        (attack.End - attack.Start).ShouldBeInRange(TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        result.End.ShouldBeGreaterThan(attack.End);
        result.Packets.ShouldBeInRange(100_000, 300_000);
        foreach (string stage in (string[])["new-device", "rdp", "scan", "c2", "external-modbus", "ics-discovery", "ics-write", "ics-download", "plc-stop"])
            result.Milestone(stage).Start.ShouldBeInRange(attack.Start, attack.End, stage);
    }

    [Fact]
    public void EveryFrame_DecodesInTimeOrder_WithAValidIpChecksum_OnItsSendersVlan_AndTheLaptopAppearsOnlyWithTheAttack()
    {
        var (path, result) = Simulated.Capture("ics-sabotage", hours: 3);
        var joined = result.Milestone("new-device").Start;
        var decoder = new PacketDecoder();
        using var reader = CaptureFileReader.Open(path);
        long last = 0, laptopFrames = 0;
        while (reader.TryReadNext(out var packet))
        {
            packet.TimestampTicks.ShouldBeGreaterThanOrEqualTo(last);
            last = packet.TimestampTicks;
            decoder.TryDecode(packet.LinkType, packet.Data, out var p).ShouldBeTrue();
            p.Kind.ShouldBe(PacketKind.IPv4);
            Checksums.Ipv4HeaderValid(p.Frame.Slice(p.IpOffset, p.IpHeaderLength)).ShouldBeTrue();
            var internalEnd = p.SourceMac == Simulation.Network.Simulator.RouterMac ? p.DestinationIp : p.SourceIp;
            if (!internalEnd.IsBroadcast && internalEnd.ToString() is var ip && ip != "0.0.0.0")
                p.Vlan.ShouldBe(ip.StartsWith("10.10.", StringComparison.Ordinal) ? 10 : 20, $"{p.SourceIp} -> {p.DestinationIp} {p.SourceMac}");
            if (p.SourceMac == AttackerMac || p.SourceIp.ToString() == Attacker)
            {
                new DateTimeOffset(packet.TimestampTicks, TimeSpan.Zero).ShouldBeGreaterThanOrEqualTo(joined);
                laptopFrames++;
            }
        }
        laptopFrames.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Flows_ShowTheStoryOfTheAttack()
    {
        var (path, result) = Simulated.Capture("ics-sabotage", hours: 3);
        var flows = Packets.Flows(path).Where(f => f.OrigIp == Attacker).ToArray();
        bool During(FlowRecord f, string stage) =>
            f.Start >= result.Milestone(stage).Start && f.Start <= result.Milestone(stage).End + TimeSpan.FromSeconds(1);

        var rdp = flows.Single(f => f.RespPort == 3389);
        (rdp.RespIp, rdp.ConnState).ShouldBe(("10.20.0.10", "SF"));
        rdp.Duration.ShouldBeGreaterThan(TimeSpan.FromSeconds(30));
        rdp.OrigBytes.ShouldBeGreaterThan(5_000);
        rdp.RespBytes.ShouldBeGreaterThan(5_000);
        During(rdp, "rdp").ShouldBeTrue();

        var scan = flows.Where(f => f.RespIp.StartsWith("10.20.0.", StringComparison.Ordinal) && f.RespPort is 102 or 502 && During(f, "scan")).ToArray();
        scan.Length.ShouldBe(80);
        scan.Count(f => f.ConnState is "S0" or "REJ").ShouldBeGreaterThanOrEqualTo(70);
        scan.Count(f => f.ConnState == "RSTO").ShouldBe(4); // the four PLCs' open port

        var external502 = flows.Where(f => f.RespPort == 502 && !f.RespIp.StartsWith("10.", StringComparison.Ordinal)).ToArray();
        external502.Length.ShouldBeGreaterThanOrEqualTo(3);
        external502.Select(f => f.ConnState).Distinct().ShouldBe(["S0"]);
        external502.All(f => During(f, "external-modbus")).ShouldBeTrue();
        flows.Where(f => f.RespPort == 443 && !f.RespIp.StartsWith("10.", StringComparison.Ordinal) && During(f, "c2")).Count().ShouldBeGreaterThan(10);

        var ics = flows.Where(f => f.RespIp.StartsWith("10.20.0.", StringComparison.Ordinal) && f.RespPort is 102 or 502 && f.ConnState == "SF").ToArray();
        ics.Select(f => f.RespIp).Distinct().Order().ShouldBe(["10.20.0.21", "10.20.0.22", "10.20.0.23", "10.20.0.24"]);
        ics.ShouldAllBe(f => f.Start >= result.Milestone("ics-discovery").Start);
    }
}
