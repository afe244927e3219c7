using AutoRespond.Contracts;
using AutoRespond.Sensor.Dissectors.Tls;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>TLS facts from MANIFEST.md (TShark/openssl verification) and Zeek's ssl.log / x509.log baselines.</summary>
public sealed class TlsFactsTests(ITestOutputHelper output)
{
    /// <summary>(capture, SNI or null, leaf self-signed or null when TLS 1.3 hides the certificate).</summary>
    public static TheoryData<string, string?, bool?> Manifest() => new()
    {
        { "tls/tls12-nosni-ca.pcap", null, false },
        { "tls/tls12-nosni-ecdhe.pcap", null, false },
        { "tls/tls10-sni-gstatic.pcap", "ssl.gstatic.com", false },
        { "tls/tls12-sni-google.pcap", "google.de", false },
        { "tls/tls12-sni-heise.pcap", "heise.de", false },
        { "tls/tls13-sni-chrome.pcap", "lh3.google.com", null },
        { "tls/tls12-selfsigned-generalizedtime.pcap", null, true },
        { "tls/tls12-selfsigned-selks.pcap", null, true },
        { "tls/tls10-selfsigned-nocn.pcap", null, true },
        { "tls/sslv3-selfsigned-arkime.pcap", null, true },
        { "benign-mixed/smtp.pcap", "p31-keyvalueservice.icloud.com", false },
        { "rdp/rdp-to-ssl.pcap", "192.168.1.150", true },
        { "rdp/rdp-no-cookie-tls12.pcap", null, true },
    };

    [Theory]
    [MemberData(nameof(Manifest))]
    public void Sni_presence_and_self_signed_leaf_match_the_manifest(string capture, string? sni, bool? selfSigned)
    {
        var run = DissectorRun.Of(capture);
        var hellos = run.Of<TlsHelloSeen>().ToList();
        hellos.ShouldNotBeEmpty();
        hellos.ShouldAllBe(h => h.Sni == sni);
        hellos.ShouldAllBe(h => h.Ja3Hash.Length == 32 && h.Ja3nHash!.Length == 32);
        var certs = run.Of<TlsCertificateSeen>().ToList();
        if (selfSigned is null)
        {
            certs.ShouldBeEmpty(); // TLS 1.3: the certificate is encrypted
            hellos.ShouldAllBe(h => h.Version == "TLSv13");
        }
        else
        {
            certs.Count.ShouldBe(hellos.Count);
            certs.ShouldAllBe(c => c.SelfSigned == selfSigned);
        }

        run.Flows.Values.Where(f => hellos.Any(h => h.FlowUid == f.Uid))
            .ShouldAllBe(f => f.Service == "ssl" || f.Service == "rdp,ssl");
        output.WriteLine($"{capture}: {hellos.Count} hello(s) sni={sni ?? "(none)"}, {certs.Count} certificate(s)");
    }

    public static TheoryData<string> SslLogs() => new()
    {
        "tls/tls12-nosni-ca.pcap", "tls/tls12-nosni-ecdhe.pcap", "tls/tls10-sni-gstatic.pcap", "rdp/rdp-to-ssl.pcap",
        "rdp/rdp-no-cookie-tls12.pcap",
    };

    /// <summary>ssl.log: version, server_name, first cert_chain_fps (SHA-256 of the leaf), subject/issuer where logged.</summary>
    [Theory]
    [MemberData(nameof(SslLogs))]
    public void Ssl_log_version_server_name_and_leaf_fingerprint(string capture)
    {
        var run = DissectorRun.Of(capture);
        var rows = ZeekConnLog.Read(Captures.Path(capture + ".zeek-ssl.log"));
        var hellos = run.Of<TlsHelloSeen>().ToList();
        var certs = run.Of<TlsCertificateSeen>().ToList();
        hellos.Count.ShouldBe(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            hellos[i].Version.ShouldBe(rows[i]["version"]);
            hellos[i].Sni.ShouldBe(rows[i]["server_name"] == "-" ? null : rows[i]["server_name"]);
            certs[i].Sha256.ShouldBe(rows[i]["cert_chain_fps"].Split(',')[0]);
            if (rows[i].TryGetValue("subject", out string? subject))
            {
                (certs[i].Subject, certs[i].Issuer).ShouldBe((subject, rows[i]["issuer"]));
            }
        }

        output.WriteLine($"{Path.GetFileName(capture)}.zeek-ssl.log: {rows.Count}/{rows.Count} records matched exactly");
    }

    [Theory]
    [InlineData("tls/tls10-sni-gstatic.pcap")]
    [InlineData("tls/tls12-nosni-ca.pcap")]
    [InlineData("tls/tls12-nosni-ecdhe.pcap")]
    public void X509_log_leaf_subject_and_issuer_in_openssl_rfc2253_form(string capture)
    {
        var run = DissectorRun.Of(capture);
        var leaf = ZeekConnLog.Read(Captures.Path(capture + ".zeek-x509.log"))[0];
        var cert = run.Of<TlsCertificateSeen>().Single();
        (cert.Subject, cert.Issuer).ShouldBe((leaf["certificate.subject"], leaf["certificate.issuer"]));
        cert.ChainLength.ShouldBe(ZeekConnLog.Read(Captures.Path(capture + ".zeek-x509.log")).Count);
    }

    [Fact]
    public void Ja3_string_and_hash_follow_the_reference_vector_and_drop_grease()
    {
        // DETECTION.md §1.7 vector (salesforce/ja3).
        Ja3Names.Md5("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0")
            .ShouldBe("ada70206e40642a3e4461f35503241d5");
        Ja3Names.IsGrease(0x0A0A).ShouldBeTrue();
        Ja3Names.IsGrease(0xFAFA).ShouldBeTrue();
        Ja3Names.IsGrease(0x0A1A).ShouldBeFalse();
        Ja3Names.IsGrease(0x1301).ShouldBeFalse();
    }

    [Fact]
    public void Chrome_grease_is_dropped_and_ja3n_sorts_extensions()
    {
        var hello = DissectorRun.Of("tls/tls13-sni-chrome.pcap").Of<TlsHelloSeen>().Single();
        hello.Ja3.Split(',').SelectMany(f => f.Split('-')).Where(v => v.Length > 0).Select(int.Parse)
            .ShouldAllBe(v => !Ja3Names.IsGrease(v));
        var extensions = hello.Ja3n!.Split(',')[2].Split('-').Select(int.Parse).ToList();
        extensions.ShouldBe(extensions.Order().ToList());
        hello.Ja3s.ShouldNotBeNull();
        hello.Alpn.ShouldNotBeNull();
    }
}
