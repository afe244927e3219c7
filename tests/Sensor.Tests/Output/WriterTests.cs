using System.Text;
using System.Text.Json;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Output;
using AutoRespond.Sensor.Tests.Flows;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Output;

public sealed class WriterTests
{
    private static readonly string[] Compared =
    [
        "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "duration", "orig_bytes", "resp_bytes", "conn_state",
        "missed_bytes", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents",
    ];

    [Theory]
    [InlineData("benign-mixed/http-get.pcap")]
    [InlineData("benign-mixed/wikipedia.pcap")]
    [InlineData("benign-mixed/ftp-ipv4.pcap")]
    public void Zeek_conn_log_output_matches_the_baseline_columns(string relative)
    {
        List<FlowRecord> flows = ZeekBaselineTests.Run(Captures.Path(relative), new FlowTableOptions { VerifyChecksums = true });
        string path = Path.GetTempFileName();
        try
        {
            using (var writer = new ZeekConnWriter(new StreamWriter(path, false, new UTF8Encoding(false))))
            {
                flows.ForEach(writer.Write);
            }

            string[] lines = File.ReadAllLines(path);
            lines[0].ShouldBe("#separator \\x09");
            lines.ShouldContain("#fields\t" + string.Join('\t', ZeekConnWriter.Fields));
            lines.ShouldContain(l => l.StartsWith("#types\ttime\tstring\taddr\tport", StringComparison.Ordinal));

            static string Key(Dictionary<string, string> r) => string.Join(' ', Compared.Select(c => r[c]));
            List<string> ours = ZeekConnLog.Read(path).Select(Key).Order(StringComparer.Ordinal).ToList();
            List<string> zeek = ZeekConnLog.Read(Captures.Path(relative + ".zeek-conn.log")).Select(Key).Order(StringComparer.Ordinal).ToList();
            ours.ShouldBe(zeek);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Zeek_row_formats_time_unset_fields_and_vlan()
    {
        var flow = new FlowRecord("Cabc", new DateTimeOffset(2019, 8, 21, 18, 16, 47, TimeSpan.Zero).AddTicks(8_416_040),
            TimeSpan.Zero, "10.0.0.1", 1234, "10.0.0.2", 102, "tcp", null, "S0", "S", 0, 0, 1, 44, 0, 0, 12, null, null);
        var text = new StringWriter();
        using (var writer = new ZeekConnWriter(text, leaveOpen: true))
        {
            writer.Write(flow);
        }

        string row = text.ToString().Split('\n').Single(l => l.Length > 0 && l[0] != '#');
        row.ShouldBe("1566411407.841604\tCabc\t10.0.0.1\t1234\t10.0.0.2\t102\ttcp\t-\t-\t-\t-\tS0\t-\t-\t0\tS\t1\t44\t0\t0\t-\t12");
    }

    [Fact]
    public void Json_lines_use_zeek_field_names_and_leave_unset_fields_out()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        FlowRecord[] flows =
        [
            new("C1", start, TimeSpan.FromTicks(2_500_010), "10.0.0.1", 1234, "10.0.0.2", 502, "tcp", null, "SF", "ShADadFf",
                12, 9, 6, 300, 5, 250, null, "02:00:00:00:00:01", "02:00:00:00:00:02"),
            new("C2", start, TimeSpan.Zero, "fe80::1", 5353, "ff02::fb", 5353, "udp", null, "S0", "D", 30, 0, 1, 78, 0, 0, 4, null, null),
        ];
        using var stream = new MemoryStream();
        using (var writer = new FlowJsonWriter(stream, leaveOpen: true))
        {
            foreach (FlowRecord f in flows)
            {
                writer.Write(f);
            }
        }

        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("{\"ts\":1704067200.000000,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1234,");

        using JsonDocument a = JsonDocument.Parse(lines[0]);
        JsonElement r = a.RootElement;
        r.GetProperty("duration").GetRawText().ShouldBe("0.250001");
        r.GetProperty("orig_bytes").GetInt64().ShouldBe(12);
        r.GetProperty("conn_state").GetString().ShouldBe("SF");
        r.GetProperty("history").GetString().ShouldBe("ShADadFf");
        r.GetProperty("resp_ip_bytes").GetInt64().ShouldBe(250);
        r.GetProperty("orig_l2_addr").GetString().ShouldBe("02:00:00:00:00:01");
        r.TryGetProperty("service", out _).ShouldBeFalse();
        r.TryGetProperty("vlan", out _).ShouldBeFalse();

        using JsonDocument b = JsonDocument.Parse(lines[1]);
        b.RootElement.TryGetProperty("duration", out _).ShouldBeFalse();
        b.RootElement.TryGetProperty("orig_bytes", out _).ShouldBeFalse();
        b.RootElement.GetProperty("vlan").GetInt32().ShouldBe(4);
        b.RootElement.GetProperty("id.resp_h").GetString().ShouldBe("ff02::fb");
    }
}
