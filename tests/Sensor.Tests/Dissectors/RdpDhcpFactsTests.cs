using AutoRespond.Contracts;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>RDP and DHCP facts from MANIFEST.md and Zeek's rdp.log / dhcp.log baselines.</summary>
public sealed class RdpDhcpFactsTests(ITestOutputHelper output)
{
    public static TheoryData<string> RdpLogs() => new()
    {
        "rdp/rdp-to-ssl.pcap", "rdp/rdp-x509.pcap", "rdp/rdp-unknown-keyboard.pcap", "rdp/rdp-proprietary-encryption.pcap",
        "rdp/rdp-no-cookie-tls12.pcap",
    };

    /// <summary>rdp.log: cookie ("(empty)" when none), result (failure code name) and security protocol (selected).</summary>
    [Theory]
    [MemberData(nameof(RdpLogs))]
    public void Rdp_log_cookie_result_and_security_protocol(string capture)
    {
        var run = DissectorRun.Of(capture);
        var rows = ZeekConnLog.Read(Captures.Path(capture + ".zeek-rdp.log"));
        var requests = run.Of<RdpRequestSeen>().ToList();
        requests.Count.ShouldBe(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var (row, r) = (rows[i], requests[i]);
            r.Cookie.ShouldBe(row["cookie"] == "(empty)" ? null : row["cookie"].Replace(@"\\", @"\", StringComparison.Ordinal));
            if (row["result"] == "SSL_NOT_ALLOWED_BY_SERVER")
            {
                r.FailureCode.ShouldBe(2);
            }

            if (row["security_protocol"] != "-")
            {
                r.SelectedProtocol.ShouldBe(row["security_protocol"] switch { "RDP" => 0, "SSL" => 1, "HYBRID" => 2, "HYBRID_EX" => 8, var p => -1 });
            }
        }

        output.WriteLine($"{Path.GetFileName(capture)}.zeek-rdp.log: {rows.Count}/{rows.Count} records matched exactly");
    }

    [Theory]
    [InlineData("rdp/rdp-to-ssl.pcap", "AWAKECODI", 3)]
    [InlineData("rdp/rdp-x509.pcap", "JOHN-PC  ", 0)]
    [InlineData("rdp/rdp-unknown-keyboard.pcap", "JOHN-PC  ", 0)]
    [InlineData("rdp/rdp-003-suricata.pcap", "A70067", 0)]
    [InlineData("rdp/rdp-no-cookie-tls12.pcap", null, 0xB)]
    public void Rdp_cookie_and_requested_protocols_match_the_manifest(string capture, string? cookie, int requested)
    {
        var requests = DissectorRun.Of(capture).Of<RdpRequestSeen>().ToList();
        requests.ShouldNotBeEmpty();
        requests.ShouldAllBe(r => r.Cookie == cookie && r.RequestedProtocols == requested && r.Confirmed && !r.RestrictedAdmin);
    }

    [Fact]
    public void Rdp_domain_cookie_and_ssl_refusal()
    {
        var requests = DissectorRun.Of("rdp/rdp-proprietary-encryption.pcap").Of<RdpRequestSeen>().ToList();
        requests.Select(r => r.Cookie).ShouldBe([@"FTBCO\A70", @"FTBCO\A70"]);
        (requests[0].RequestedProtocols, requests[0].FailureCode, requests[0].SelectedProtocol).ShouldBe((1, (int?)2, (int?)null));
        (requests[1].RequestedProtocols, requests[1].SelectedProtocol).ShouldBe((0, (int?)0));
    }

    public static TheoryData<string> DhcpLogs() => new()
    {
        "dhcp-arp/dhcp-all-msg-types.pcap", "dhcp-arp/dhcp-discover-clientid.pcap", "dhcp-arp/dhcp-inform.pcap",
    };

    /// <summary>dhcp.log: per MAC the message types (Zeek groups a transaction per row), host name, requested and
    /// assigned addresses appear in the DHCP events.</summary>
    [Theory]
    [MemberData(nameof(DhcpLogs))]
    public void Dhcp_log_message_types_host_names_and_addresses(string capture)
    {
        var run = DissectorRun.Of(capture);
        var events = run.Of<DhcpSeen>().ToList();
        var rows = ZeekConnLog.Read(Captures.Path(capture + ".zeek-dhcp.log"));
        events.Select(e => e.MessageType).Order().ShouldBe(rows.SelectMany(r => r["msg_types"].Split(',')).Order());
        foreach (var row in rows)
        {
            var mine = events.Where(e => e.Mac == row["mac"]).ToList();
            if (row["host_name"] != "-")
            {
                mine.ShouldContain(e => e.Hostname == row["host_name"]);
            }

            if (row["requested_addr"] != "-")
            {
                mine.ShouldContain(e => e.RequestedIp == row["requested_addr"]);
            }

            if (row["assigned_addr"] != "-")
            {
                mine.ShouldContain(e => e.MessageType == "ACK" && e.AssignedIp == row["assigned_addr"]);
            }
        }

        run.Flows.Values.Where(f => f.Proto == "udp").ShouldAllBe(f => f.Service == "dhcp");
        output.WriteLine($"{Path.GetFileName(capture)}.zeek-dhcp.log: {rows.Count}/{rows.Count} records matched exactly");
    }

    [Theory]
    [InlineData("dhcp-arp/dhcp-all-msg-types.pcap", "90:b1:1c:99:49:29", "btest.is.cool", "128.2.6.189")]
    [InlineData("dhcp-arp/dhcp-request-ack-nas1.pcap", "00:11:32:17:49:f0", "nas1", "10.16.1.4")]
    [InlineData("dhcp-arp/dhcp-request-popos.pcap", "00:90:f5:91:cd:1f", "pop-os", "192.168.15.250")]
    public void Dhcp_host_names_reach_the_device_view(string capture, string mac, string hostname, string ip)
    {
        var run = DissectorRun.Of(capture);
        run.Of<DeviceSeen>().ShouldContain(d => d.Mac == mac && d.Hostname == hostname && d.Ip == ip);
        run.Of<DhcpSeen>().ShouldContain(d => d.Mac == mac && d.Hostname == hostname);
    }

    [Fact]
    public void Dhcp_vendor_class_client_id_and_requested_address()
    {
        var msft = DissectorRun.Of("dhcp-arp/dhcp-request-msft-vendor.pcap").Of<DhcpSeen>().Single();
        (msft.MessageType, msft.Hostname, msft.VendorClass, msft.ClientId).ShouldBe(("REQUEST", "NicksMacBook", "MSFT 5.0", "01:28:cf:da:dc:8d:76"));
        var discover = DissectorRun.Of("dhcp-arp/dhcp-discover-clientid.pcap").Of<DhcpSeen>().Single();
        (discover.Hostname, discover.RequestedIp, discover.ClientId).ShouldBe(("test0000", "208.67.222.222", "01:00:0b:82:01:fc:42"));
        DissectorRun.Of("dhcp-arp/dhcp-wireshark-dora.pcap").Of<DhcpSeen>().Select(d => d.MessageType)
            .ShouldBe(["DISCOVER", "OFFER", "REQUEST", "ACK"]);
    }
}
