using System.Diagnostics;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Dissectors.Dns;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors.Dns;

/// <summary>DNS answers against TShark's reading of the same real captures (MANIFEST.md), and hostile messages.</summary>
public sealed class DnsAnswerTests
{
    public static TheoryData<string> Captures() => new()
    {
        "benign-mixed/wikipedia.pcap", "benign-mixed/smtp.pcap", "benign-mixed/var-services-std-ports.pcap",
        "benign-mixed/dns53.pcap", "benign-mixed/pcapng-multi-interface.pcapng", "ics-modbus/modbus-small-coils.pcap",
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void DnsAnswerSeen_RealCapture_MatchesTsharkQuerierNameAndAddresses(string capture)
    {
        string? tshark = FindTshark();
        Assert.SkipWhen(tshark is null, "tshark is not installed (scripts/lib/packages.sh installs it)");
        var expected = Tshark(tshark!, TestUtils.Captures.Path(capture))
            .Where(r => r.Addresses.Count + r.Names.Count > 0).ToList();
        var events = DissectorRun.Of(capture).Of<DnsAnswerSeen>().ToList();

        events.Count.ShouldBe(expected.Count, $"{capture}: one event per response with A, AAAA or CNAME answers; expected {string.Join(" / ", expected.Select(r => r.Query + "=" + string.Join(",", r.Addresses)))}");
        for (int i = 0; i < events.Count; i++)
        {
            var (e, row) = (events[i], expected[i]);
            e.Client.ShouldBe(row.Client);
            e.Query.ShouldBe(row.Query);
            e.Addresses.ToHashSet().SetEquals(row.Addresses).ShouldBeTrue($"{capture} {e.Query}: {string.Join(",", e.Addresses)} vs {string.Join(",", row.Addresses)}");
            e.Names.ToHashSet().SetEquals(row.Names).ShouldBeTrue($"{capture} {e.Query}: {string.Join(",", e.Names)} vs {string.Join(",", row.Names)}");
        }
    }

    [Fact]
    public void TryParse_CompressionLoop_IsRejected()
    {
        // Header: 1 question; the question name is a pointer to itself.
        byte[] message = [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1];
        DnsMessage.TryParse(message, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_AnswerPastTheEnd_IsRejected()
    {
        byte[] message = [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 1, (byte)'a', 0, 0, 1, 0, 1,
            0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 0];
        DnsMessage.TryParse(message, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_CnameThenA_ReadsChainAndSmallestTtl()
    {
        byte[] message =
        [
            0x12, 0x34, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0,
            4, (byte)'C', (byte)'h', (byte)'a', (byte)'T', 3, (byte)'c', (byte)'o', (byte)'m', 0, 0, 1, 0, 1,
            0xC0, 12, 0, 5, 0, 1, 0, 0, 1, 0, 0, 6, 3, (byte)'c', (byte)'d', (byte)'n', 0xC0, 17,
            0xC0, 38, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, 104, 18, 32, 47,
        ];
        DnsMessage.TryParse(message, out var m).ShouldBeTrue();
        m.Query.ShouldBe("chat.com");
        m.Names.ShouldBe(["cdn.com"]);
        m.Addresses.Select(a => a.ToString()).ShouldBe(["104.18.32.47"]);
        m.Ttl.ShouldBe(30u);
    }

    private sealed record Row(string Client, string Query, HashSet<string> Addresses, HashSet<string> Names);

    private static List<Row> Tshark(string tshark, string capture)
    {
        var start = new ProcessStartInfo(tshark) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])["-r", capture, "-Y", "dns.flags.response == 1 && udp.port == 53 && dns.flags.opcode == 0", "-T", "fields",
            "-E", "occurrence=a", "-E", "aggregator=,", "-e", "ip.dst", "-e", "ipv6.dst", "-e", "dns.qry.name", "-e", "dns.a", "-e", "dns.aaaa", "-e", "dns.cname", "-e", "dns.count.answers", "-e", "dns.resp.type"])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Select(Parse)];
    }

    /// <summary>
    /// TShark's dns.a/aaaa/cname list every section; dns.resp.type lists every record's type in order, and the first
    /// dns.count.answers of them are the answer section, whose records come first in each list.
    /// </summary>
    private static Row Parse(string[] f)
    {
        static string[] List(string field) => field.Split(',', StringSplitOptions.RemoveEmptyEntries);
        int answers = int.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture);
        var types = List(f[7]).Take(answers).ToList();
        int Count(string type) => types.Count(t => t == type);
        return new Row(f[0].Length > 0 ? f[0] : f[1], f[2].Split(',')[0].ToLowerInvariant(),
            [.. List(f[3]).Take(Count("1")), .. List(f[4]).Take(Count("28")).Select(a => System.Net.IPAddress.Parse(a).ToString())],
            [.. List(f[5]).Take(Count("5")).Select(n => n.ToLowerInvariant())]);
    }

    private static string? FindTshark() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "tshark")).FirstOrDefault(File.Exists);
}
