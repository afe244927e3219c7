using System.Text.Json;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

public sealed class EventsCommandTests
{
    private static JsonElement[] Lines(CliRunner.Result result)
        => result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public async Task Events_S7Capture_PrintsClassifiedIcsCommandsAsJsonLines()
    {
        var result = await CliRunner.InProcessAsync("events", Captures.Path("ics-s7/snap7-s300-everything.pcap"));
        result.ExitCode.ShouldBe(0, result.Stderr);
        var events = Lines(result);
        events.Select(e => e.GetProperty("type").GetString()).Distinct().Order().ShouldBe(["device", "ics-command"]);
        events.ShouldAllBe(e => e.GetProperty("time").GetString()!.EndsWith('Z'));
        var stop = events.Single(e => e.GetProperty("type").GetString() == "ics-command" && e.GetProperty("function").GetString() == "plc-stop");
        stop.GetProperty("protocol").GetString().ShouldBe("s7comm");
        stop.GetProperty("class").GetString().ShouldBe("action");
        stop.GetProperty("code").GetInt32().ShouldBe(0x29);
        stop.GetProperty("outcome").GetString().ShouldBe("success");
        stop.GetProperty("critical").GetBoolean().ShouldBeTrue();
        stop.GetProperty("server_port").GetInt32().ShouldBe(102);
        stop.GetProperty("uid").GetString()!.ShouldStartWith("C");
        events.Count(e => e.TryGetProperty("function", out var f) && f.GetString() == "read-szl"
            && e.GetProperty("detail").GetString() == "szl=0x0011 index=0x0000").ShouldBe(2);
    }

    [Fact]
    public async Task Events_TlsAndRdp_PrintSniNullJa3CookieAndSelfSignedCertificate()
    {
        var result = await CliRunner.InProcessAsync("events", Captures.Path("rdp/rdp-no-cookie-tls12.pcap"), Captures.Path("rdp/rdp-to-ssl.pcap"));
        result.ExitCode.ShouldBe(0, result.Stderr);
        var events = Lines(result);
        var noCookie = events.First(e => e.GetProperty("type").GetString() == "rdp-request" && e.GetProperty("cookie").ValueKind == JsonValueKind.Null);
        noCookie.GetProperty("requested_protocols").GetInt32().ShouldBe(0xB);
        events.Where(e => e.GetProperty("type").GetString() == "rdp-request").Select(e => e.GetProperty("cookie").GetString())
            .ShouldContain("AWAKECODI");
        string uid = noCookie.GetProperty("uid").GetString()!;
        var hello = events.Single(e => e.GetProperty("type").GetString() == "tls-hello" && e.GetProperty("uid").GetString() == uid);
        hello.GetProperty("sni").ValueKind.ShouldBe(JsonValueKind.Null);
        hello.GetProperty("ja3_hash").GetString()!.Length.ShouldBe(32);
        var cert = events.Single(e => e.GetProperty("type").GetString() == "tls-cert" && e.GetProperty("uid").GetString() == uid);
        cert.GetProperty("self_signed").GetBoolean().ShouldBeTrue();
        cert.GetProperty("sha256").GetString().ShouldBe("2f24fa5efe1c62447b32aa41af38c4176d03a62ca9c3c8d491946ed283b86cca");
    }

    [Fact]
    public async Task Events_Dns_PrintsAnswersWithTheDeviceThatAsked()
    {
        var result = await CliRunner.InProcessAsync("events", Captures.Path("benign-mixed/dns53.pcap"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        var answers = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "dns-answer").ToArray();
        answers.ShouldNotBeEmpty();
        foreach (var a in answers)
        {
            a.GetProperty("query").GetString().ShouldNotBeNullOrEmpty();
            a.GetProperty("client").GetString().ShouldNotBeNullOrEmpty();
            a.GetProperty("addresses").ValueKind.ShouldBe(JsonValueKind.Array);
        }
        answers.ShouldContain(a => a.GetProperty("rcode").GetString() == "NOERROR" && a.GetProperty("addresses").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Events_Dhcp_PrintsHostNameAndDeviceWithHostName()
    {
        var result = await CliRunner.InProcessAsync("events", Captures.Path("dhcp-arp/dhcp-request-ack-nas1.pcap"));
        result.ExitCode.ShouldBe(0, result.Stderr);
        var events = Lines(result);
        events.ShouldContain(e => e.GetProperty("type").GetString() == "dhcp" && e.GetProperty("hostname").GetString() == "nas1"
            && e.GetProperty("message_type").GetString() == "REQUEST");
        events.ShouldContain(e => e.GetProperty("type").GetString() == "device" && e.GetProperty("hostname").GetString() == "nas1"
            && e.GetProperty("ip").GetString() == "10.16.1.4" && e.GetProperty("mac").GetString() == "00:11:32:17:49:f0");
    }

    [Fact]
    public async Task Events_TruncatedCapture_PrintsEventsUpToTheFaultAndExitsThree()
    {
        byte[] bytes = await File.ReadAllBytesAsync(Captures.Path("ics-modbus/icsnpp-modbus-example.pcap"), TestContext.Current.CancellationToken);
        string path = CliRunner.TempFile("cut.pcap", "");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length * 2 / 3)], TestContext.Current.CancellationToken);
        var result = await CliRunner.InProcessAsync("events", path);
        result.ExitCode.ShouldBe(3);
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1);
        result.Stderr.ShouldContain("cut.pcap");
        Lines(result).ShouldContain(e => e.GetProperty("type").GetString() == "ics-command");
    }

    [Fact]
    public async Task Events_MissingCapture_ExitsThreeWithOneLine()
    {
        var result = await CliRunner.InProcessAsync("events", "/nonexistent/x.pcap");
        result.ExitCode.ShouldBe(3);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Events_Help_TeachesTheEventTypesAndFields()
    {
        var result = await CliRunner.InProcessAsync("events", "--help");
        result.ExitCode.ShouldBe(0);
        foreach (string word in (string[])["Usage:", "tls-hello", "sni", "ja3", "rdp-request", "cookie", "ics-command", "class", "outcome", "dhcp", "Exit 3"])
        {
            result.Stdout.ShouldContain(word);
        }
    }

    [Fact]
    public async Task Events_RealProcess_StdoutIsOnlyJson()
    {
        var result = await CliRunner.ProcessAsync("events", Captures.Path("ics-other/enip-cip-example.pcap"), "--stats");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var events = Lines(result);
        events.Length.ShouldBeGreaterThan(100);
        events.Where(e => e.TryGetProperty("detail", out _)).Select(e => e.GetProperty("detail").ToString())
            .ShouldContain(d => d.Contains("1756-ENBT/A", StringComparison.Ordinal));
        result.Stderr.ShouldContain("enip.events");
    }
}
