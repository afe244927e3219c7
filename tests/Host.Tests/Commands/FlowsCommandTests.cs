using System.Text.Json;
using AutoRespond.Host.Cli;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Decoding;
using AutoRespond.TestUtils;

namespace AutoRespond.Host.Tests.Commands;

public sealed class FlowsCommandTests
{
    [Fact]
    public async Task Flows_ZeekConn_MatchesZeekBaselineRow()
    {
        var result = await CliRunner.InProcessAsync("flows", Captures.Path("benign-mixed/http-get.pcap"), "--format", "zeek-conn");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var fields = result.Stdout.Split('\n').Single(l => l.StartsWith("#fields", StringComparison.Ordinal)).Split('\t')[1..];
        var row = result.Stdout.Split('\n').Single(l => l.Length > 0 && !l.StartsWith('#')).Split('\t');
        string Field(string name) => row[Array.IndexOf(fields, name)];
        // Zeek's baseline: 141.142.228.5:59856 → 192.150.187.43:80 tcp, 136/5007 bytes, SF, ShADadFf, 7/512, 7/5379.
        (Field("id.orig_h"), Field("id.orig_p"), Field("id.resp_h"), Field("id.resp_p")).ShouldBe(("141.142.228.5", "59856", "192.150.187.43", "80"));
        (Field("orig_bytes"), Field("resp_bytes"), Field("conn_state"), Field("history")).ShouldBe(("136", "5007", "SF", "ShADadFf"));
        (Field("orig_pkts"), Field("orig_ip_bytes"), Field("resp_pkts"), Field("resp_ip_bytes")).ShouldBe(("7", "512", "7", "5379"));
        Field("duration").ShouldBe("0.211484");
    }

    [Fact]
    public async Task Flows_Jsonl_OneObjectPerFlowWithContractFields()
    {
        var result = await CliRunner.InProcessAsync("flows", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var flows = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        flows.Length.ShouldBe(1001);
        foreach (string field in (string[])["ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "conn_state", "history", "orig_pkts", "vlan"])
            flows[0].TryGetProperty(field, out _).ShouldBeTrue(field);
        // MANIFEST: 1001 SYNs, no answers, 4 RSTs from the scanner on 80 and 443 (two per port).
        flows.Count(f => f.GetProperty("conn_state").GetString() == "S0").ShouldBe(999);
        flows.Where(f => f.GetProperty("conn_state").GetString() == "RSTOS0").Select(f => f.GetProperty("id.resp_p").GetInt32()).Order().ShouldBe([80, 443]);
    }

    [Fact]
    public async Task Flows_None_PrintsOnlySummaryOnStderr()
    {
        var result = await CliRunner.InProcessAsync("flows", Captures.Path("scans-failures/masscan-tcp-0-1000.pcap"), "--format", "none");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("1,005 packets, 1,001 flows");
    }

    [Theory]
    [InlineData(true, "flows")]
    [InlineData(false, "flows")]
    [InlineData(true, "events")]
    public async Task LongCapture_ProgressOnStderrOnlyWhenItIsATerminal_ClearedAtTheEnd(bool terminal, string command)
    {
        // 140,000 packets: progress is written every 65,536, so twice.
        string capture = Path.Combine(Directory.CreateTempSubdirectory("ar-progress-").FullName, "long.pcap");
        using (var writer = PcapWriter.Create(capture))
        {
            var buffer = new byte[128];
            var ether = new EthernetSpec(MacAddress.Parse("02:00:00:00:01:01"), MacAddress.Parse("02:00:00:00:00:02"));
            var ip = new IpSpec(IpAddr.FromV4(198, 18, 1, 1), IpAddr.FromV4(198, 18, 0, 2));
            long t0 = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero).UtcTicks;
            for (int i = 0; i < 140_000; i++)
            {
                int n = FrameBuilder.Udp(buffer, ether, ip, (ushort)(40000 + i % 100), 9999, new byte[8]);
                writer.Write(t0 + i * TimeSpan.TicksPerMillisecond, buffer.AsSpan(0, n));
            }
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = command == "flows" ? ["flows", capture, "--format", "jsonl"] : ["events", capture];
        int code = await AutoRespondCli.RunAsync(args, new CliConsole(stdout, stderr, interactive: terminal), TestContext.Current.CancellationToken);

        code.ShouldBe(ExitCodes.Ok, stderr.ToString());
        stdout.ToString().ShouldNotContain("packets…"); // stdout carries only the records
        if (terminal)
            stderr.ToString().ShouldBe("\r65,536 packets…\r131,072 packets…\r\u001b[K");
        else
            stderr.ToString().ShouldBeEmpty();
        File.Delete(capture);
    }
}
