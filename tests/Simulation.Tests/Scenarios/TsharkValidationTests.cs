using AutoRespond.Simulation.Scenarios;
using AutoRespond.Simulation.Tests.Support;

namespace AutoRespond.Simulation.Tests.Scenarios;

/// <summary>
/// Every scenario's packets are valid for Wireshark's dissectors (no malformed packet, no expert error) and
/// carry the intended protocol content. Short backgrounds keep tshark fast; skipped without tshark.
/// </summary>
public sealed class TsharkValidationTests
{
    private const string Attacker = IcsSabotageScenario.AttackerIp;

    [Theory]
    [InlineData("ics-sabotage", 1.0, new[] { "vlan", "dhcp", "dns", "ntp", "tls", "smb2", "s7comm", "modbus", "rdp" })]
    [InlineData("benign-office", 12.0, new[] { "vlan", "dhcp", "dns", "ntp", "tls", "smb2", "s7comm", "modbus" })]
    [InlineData("ehr-upgrade", 1.0, new[] { "vlan", "dhcp", "dns", "tls", "smb2", "rdp" })]
    public void EveryPacket_DissectsWithoutErrors_AndTheHierarchyHasTheScenarioProtocols(string name, double hours, string[] protocols)
    {
        Tshark.Require();
        string capture = Simulated.Capture(name, hours: hours).Path;
        string hierarchy = Tshark.Run("-r", capture, "-q", "-z", "io,phs");
        foreach (string protocol in protocols) hierarchy.ShouldContain($" {protocol} ", customMessage: hierarchy);
        Tshark.Run("-r", capture, "-Y", "_ws.malformed || _ws.expert.severity >= error", "-T", "fields", "-e", "frame.number").ShouldBeEmpty();
    }

    [Fact]
    public void IcsSabotage_TlsWithoutSni_GoesOnlyFromTheAttackerToExternalServersWithSelfSignedCertificates()
    {
        Tshark.Require();
        string capture = Simulated.Capture("ics-sabotage", hours: 1).Path;
        var hellos = Tshark.Fields(capture, "tls.handshake.type == 1 && !tls.handshake.extensions_server_name", "ip.src", "ip.dst");
        hellos.ShouldNotBeEmpty();
        hellos.ShouldAllBe(h => h[0] == Attacker && !h[1].StartsWith("10.", StringComparison.Ordinal));
        var servers = hellos.Select(h => h[1]).Distinct().ToArray();
        servers.Length.ShouldBeInRange(2, 3);
        var certificates = Tshark.Fields(capture, "tls.handshake.type == 11", "ip.src", "x509sat.uTF8String");
        foreach (string server in servers)
        {
            var names = certificates.First(c => c[0] == server)[1].Split(',');
            names.Length.ShouldBeGreaterThan(0);
            names[..(names.Length / 2)].ShouldBe(names[(names.Length / 2)..], $"issuer = subject for {server}");
        }
        Tshark.Fields(capture, "tls.handshake.type == 1 && tls.handshake.extensions_server_name", "ip.src").Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void IcsSabotage_RdpConnectionRequest_CarriesTheAdministratorCookie()
    {
        Tshark.Require();
        string capture = Simulated.Capture("ics-sabotage", hours: 1).Path;
        var request = Tshark.Fields(capture, "rdp.rt_cookie", "ip.src", "ip.dst", "rdp.rt_cookie", "rdp.negReq.requestedProtocols").ShouldHaveSingleItem();
        request.ShouldBe([Attacker, "10.20.0.10", "Cookie: mstshash=administrator", "0x0000000b"]);
        Tshark.Fields(capture, "rdp.negReq.selectedProtocol", "rdp.negReq.selectedProtocol").ShouldHaveSingleItem()[0].ShouldBe("0x00000002");
    }

    [Fact]
    public void IcsSabotage_S7_HasSetupReadsSzlWritesDownloadInsertAndStopFromTheAttacker()
    {
        Tshark.Require();
        string capture = Simulated.Capture("ics-sabotage", hours: 1).Path;
        var jobs = Tshark.Fields(capture, "s7comm.header.rosctr == 1", "ip.src", "ip.dst", "s7comm.param.func");
        string[] From(string source) => jobs.Where(j => j[0] == source).Select(j => j[2]).Distinct().Order().ToArray();
        From(Attacker).ShouldBe(["0x04", "0x05", "0x1a", "0x28", "0x29", "0xf0"]);
        jobs.Where(j => j[1] == Attacker).Select(j => j[2]).Distinct().Order().ShouldBe(["0x1b", "0x1c"]); // the PLC pulls the blocks
        var szl = Tshark.Fields(capture, $"s7comm.header.rosctr == 7 && ip.src == {Attacker}", "s7comm.data.userdata.szl_id");
        szl.Select(s => s[0]).Where(s => s.Length > 0).Distinct().Order().ShouldBe(["0x0011", "0x001c", "0x0424"]);
        Tshark.Fields(capture, "s7comm.param.func == 0x1a && s7comm.header.rosctr == 1", "s7comm.param.blockcontrol.filename")
            .Select(f => f[0]).ShouldBe(["_0800001P", "_0C00012P"]);
    }

    [Fact]
    public void IcsSabotage_Modbus_HasDeviceIdReadsAndWritesFromTheAttacker()
    {
        Tshark.Require();
        string capture = Simulated.Capture("ics-sabotage", hours: 1).Path;
        var requests = Tshark.Fields(capture, $"modbus && ip.src == {Attacker}", "modbus.func_code", "modbus.mei");
        requests.Select(r => r[0]).Distinct().Order().ShouldBe(["1", "16", "3", "43", "6"]);
        requests.Where(r => r[0] == "43").ShouldAllBe(r => r[1] == "14");
        Tshark.Fields(capture, "modbus && ip.src == 10.20.0.10", "modbus.func_code").Select(r => r[0]).Distinct().ShouldContain("3");
    }

    [Fact]
    public void IcsSabotage_NewLaptop_JoinsWithDhcpAndAHostName_AndCallsExternal502InVain()
    {
        Tshark.Require();
        string capture = Simulated.Capture("ics-sabotage", hours: 1).Path;
        var dhcp = Tshark.Fields(capture, "dhcp && eth.src == 54:ee:75:3a:9c:42", "dhcp.option.dhcp", "dhcp.option.hostname");
        dhcp.Select(d => d[0]).ShouldBe(["1", "3"]);
        dhcp.ShouldAllBe(d => d[1] == "DESKTOP-7Q2M4KD");
        var external502 = Tshark.Fields(capture, "tcp.port == 502 && !(ip.addr == 10.20.0.0/24)", "ip.src", "tcp.flags");
        external502.Length.ShouldBeGreaterThanOrEqualTo(9);
        external502.ShouldAllBe(p => p[0] == Attacker && p[1] == "0x0002");
        Tshark.Fields(capture, $"tcp.flags == 0x0002 && ip.src == {Attacker} && ip.dst == 10.20.0.0/24 && (tcp.dstport == 102 || tcp.dstport == 502)", "ip.dst")
            .Select(p => p[0]).Distinct().Count().ShouldBe(40);
    }

    [Fact]
    public void BenignOffice_HasNoTlsWithoutSni_AndBacksUpOnJumboFrames()
    {
        Tshark.Require();
        string capture = Simulated.Capture("benign-office", hours: 12).Path;
        Tshark.Fields(capture, "tls.handshake.type == 1 && !tls.handshake.extensions_server_name", "ip.src").ShouldBeEmpty();
        Tshark.Fields(capture, "tcp.srcport == 445 && ip.src == 10.10.0.3 && ip.dst == 10.10.0.20 && frame.len > 9000", "ip.dst").ShouldNotBeEmpty();
        Tshark.Fields(capture, "tcp.dstport == 9100 && tcp.flags == 0x0002", "ip.src").ShouldNotBeEmpty();
    }

    [Fact]
    public void EhrUpgrade_AdminRdpAndSmbWrites_FallInTheTwoUpgrades()
    {
        Tshark.Require();
        var (capture, result) = Simulated.Capture("ehr-upgrade", hours: 1);
        var requests = Tshark.Fields(capture, "rdp.rt_cookie", "frame.time_epoch", "ip.src", "ip.dst", "rdp.rt_cookie");
        requests.Length.ShouldBe(4);
        requests.ShouldAllBe(r => r[1] == EhrUpgradeScenario.AdminIp && r[3] == "Cookie: mstshash=adm-jkoch");
        var times = requests.Select(r => DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture) * 1000))).ToArray();
        var first = result.Milestone("upgrade-1");
        var second = result.Milestone("upgrade-2");
        times.Count(t => t >= first.Start && t <= first.End).ShouldBe(2);
        times.Count(t => t >= second.Start && t <= second.End).ShouldBe(2);
        Tshark.Fields(capture, $"smb2.cmd == 9 && smb2.flags.response == 0 && ip.src == {EhrUpgradeScenario.AdminIp}", "ip.dst")
            .Select(w => w[0]).Distinct().Order().ShouldBe(["10.30.0.10", "10.30.0.11"]);
    }
}
