using System.Security.Cryptography.X509Certificates;
using System.Text;
using AutoRespond.Simulation.Protocols;

namespace AutoRespond.Simulation.Tests.Protocols;

/// <summary>The builders against the test vectors of DETECTION.md §1 (nmap, Modbus spec, MS-RDPBCGR).</summary>
public sealed class ProtocolVectorTests
{
    [Fact]
    public void Cotp_ConnectionRequest_MatchesNmapVector() =>
        Convert.ToHexString(S7.Cotp(false, 0, 0x0014, S7.Tsap(1, 0), S7.Tsap(1, 2)))
            .ShouldBe("0300001611E00000001400C1020100C2020102C0010A");

    [Fact]
    public void S7_SetupCommunication_MatchesNmapVector() =>
        Convert.ToHexString(S7.SetupCommunication(0, 480, ack: false)).ShouldBe("0300001902F080" + "32010000000000080000" + "F0000001000101E0");

    [Fact]
    public void S7_ReadSzl_MatchesNmapVector() =>
        Convert.ToHexString(S7.ReadSzl(0, 0, 0x0011, 0x0001))
            .ShouldBe("0300002102F080" + "32070000000000080008" + "0001120411440100" + "FF09000400110001");

    [Fact]
    public void S7_PiService_CarriesBlockAndName() =>
        Convert.ToHexString(S7.PiService(1, "_INSE", "0800001P"))
            .ShouldEndWith("28000000000000FD000A0100" + Convert.ToHexString(Encoding.ASCII.GetBytes("0800001P")) + "05" + Convert.ToHexString(Encoding.ASCII.GetBytes("_INSE")));

    [Fact]
    public void S7_RequestDownload_HasFileNameAndLengths()
    {
        byte[] pdu = S7.RequestDownload(7, "_0800001P", 1183, 1109);
        pdu[17].ShouldBe((byte)0x1A);
        Encoding.ASCII.GetString(pdu).ShouldContain("_0800001P");
        Encoding.ASCII.GetString(pdu).ShouldEndWith("1001183001109");
        (pdu[13] << 8 | pdu[14]).ShouldBe(32); // parameter length
    }

    [Fact]
    public void Modbus_ReadHoldingRegisters_MatchesSpecVector() =>
        Convert.ToHexString(Modbus.ReadHoldingRegisters(1, 1, 0, 10)).ShouldBe("00010000000601030000000A");

    [Fact]
    public void Modbus_ReadDeviceId_MatchesVector() =>
        Convert.ToHexString(Modbus.ReadDeviceId(2, 1)).ShouldBe("000200000005012B0E0100");

    [Fact]
    public void Rdp_ConnectionRequest_MatchesVector()
    {
        byte[] cr = Rdp.ConnectionRequest("administr", 0, 3);
        Convert.ToHexString(cr).ShouldBe("0300002F" + "2AE00000000000"
            + Convert.ToHexString(Encoding.ASCII.GetBytes("Cookie: mstshash=administr\r\n")) + "0100080003000000");
    }

    [Fact]
    public void Rdp_ConnectionRequest_RestrictedAdminFlag() =>
        Rdp.ConnectionRequest("administrator", Rdp.RestrictedAdminModeRequired, 0xB)[^7].ShouldBe((byte)0x01);

    [Theory]
    [InlineData("Browser", "teams.microsoft.com")]
    [InlineData("Schannel", null)]
    [InlineData("Implant", null)]
    public void Tls_ClientHello_HasSniOnlyWhenGiven(string profile, string? sni)
    {
        byte[] hello = Tls.ClientHello(new Random(1), Enum.Parse<TlsClientProfile>(profile), sni);
        hello[0].ShouldBe((byte)0x16);
        (hello[3] << 8 | hello[4]).ShouldBe(hello.Length - 5);
        hello[5].ShouldBe((byte)0x01);
        (hello[6] << 16 | hello[7] << 8 | hello[8]).ShouldBe(hello.Length - 9);
        bool hasSni = Encoding.ASCII.GetString(hello).Contains("teams.microsoft.com", StringComparison.Ordinal);
        hasSni.ShouldBe(sni is not null);
    }

    [Fact]
    public void Tls_ServerFlight12_CarriesTheCertificate()
    {
        byte[] flight = Tls.ServerFlight12(new Random(1), Certificates.Localhost);
        (flight[3] << 8 | flight[4]).ShouldBe(flight.Length - 5);
        flight.AsSpan().IndexOf(Certificates.Localhost).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Certificates_AreSelfSigned()
    {
        foreach (byte[] der in (byte[][])[.. Certificates.CommandAndControl, Certificates.Wincc01, Certificates.EhrApp01, Certificates.EhrApp02])
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            certificate.SubjectName.RawData.ShouldBe(certificate.IssuerName.RawData);
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(certificate);
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreWrongUsage;
            chain.Build(certificate).ShouldBeTrue(certificate.Subject); // verifies its own signature
        }
    }

    [Fact]
    public void Dns_Response_AnswersWithPointerToQuestion()
    {
        byte[] response = Dns.Response(0x1234, "github.com", [AutoRespond.Sensor.Decoding.IpAddr.Parse("140.82.121.3")], 60);
        Convert.ToHexString(response).ShouldBe("123481800001000100000000" + "06676974687562" + "03636F6D00" + "00010001"
            + "C00C000100010000003C00048C527903");
    }

    [Fact]
    public void Dhcp_Discover_HasMagicCookieHostnameAndMinimumSize()
    {
        byte[] discover = Dhcp.Client(DhcpType.Discover, 0xAABBCCDD, AutoRespond.Sensor.Decoding.MacAddress.Parse("54:ee:75:3a:9c:42"), "DESKTOP-7Q2M4KD");
        discover.Length.ShouldBeGreaterThanOrEqualTo(300);
        Convert.ToHexString(discover.AsSpan(236, 4)).ShouldBe("63825363");
        Encoding.ASCII.GetString(discover).ShouldContain("DESKTOP-7Q2M4KD");
        Convert.ToHexString(discover.AsSpan(240, 3)).ShouldBe("350101"); // option 53 = DISCOVER first
    }
}
