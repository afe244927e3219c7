using AutoRespond.Contracts;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>
/// Modbus events against Zeek's modbus.log baselines: request function sequence (REQ rows), class (DETECTION.md
/// §1.4, looked up by Zeek's function names) and outcome (the RESP row with the same transaction id: an _EXCEPTION
/// function is a failure with its exception code). icsnpp-modbus-example's baseline keeps only RESP rows and only
/// ts/uid/id/func/exception (the test's zeek-cut), so there each RESP row stands for its request.
/// </summary>
public sealed class ModbusBaselineTests(ITestOutputHelper output)
{
    /// <summary>
    /// Reason, modbus-fuzz72-exceptions.pcap only: the trace's TCP sequence and acknowledgement numbers are fuzzed
    /// (segments 2, 12, 17-20, 23, 27-30, 34, 36 jump by up to 2^31), so Zeek's reassembler and ours (which trusts the
    /// peer's ACKs to give up holes and holds segments that arrive ahead) deliver different byte streams: ADUs one
    /// side frames are cut differently by the other. Only robustness (no fault, malformed ADUs counted) and the
    /// common subsequence are checked there.
    /// </summary>
    private const string FuzzedSequenceNumbers = "fuzz72-fuzzed-sequence-numbers";

    public static TheoryData<string> Logs() => new()
    {
        "ics-modbus/icsnpp-modbus-example.pcap", "ics-modbus/modbus-and-non-modbus-p502.pcap",
        "ics-modbus/modbus-fuzz72-exceptions.pcap",
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Modbus_log_functions_classes_and_outcomes(string capture)
    {
        var run = DissectorRun.Of(capture);
        var rows = Read(Captures.Path(capture + ".zeek-modbus.log"));
        bool responsesOnly = !rows[0].ContainsKey("pdu_type");
        bool fuzz = capture.Contains("fuzz72", StringComparison.Ordinal);
        int allExact = 0, total = 0;
        foreach (var flow in rows.GroupBy(DissectorRun.ConnKey))
        {
            int exact = 0;
            var flowRows = flow.ToList();
            var requests = responsesOnly ? flowRows : flowRows.Where(r => r["pdu_type"] == "REQ").ToList();
            var events = run.Ics("modbus").Where(e => run.ConnKey(e.FlowUid) == flow.Key).ToList();
            total += requests.Count;
            var cmp = new RecordComparison<Dictionary<string, string>, IcsCommandSeen>(
                Path.GetFileName(capture) + ".zeek-modbus.log " + flow.Key, requests, events,
                r => Kebab(Request(r["func"])), e => e.Function).Align();
            cmp.Explain(_ => fuzz ? FuzzedSequenceNumbers : null, _ => fuzz ? FuzzedSequenceNumbers : null);
            foreach (var (row, e) in cmp.Matched)
            {
                e.Class.ShouldBe(ClassOf(row["func"]), $"class of {row["func"]}");
                var response = responsesOnly ? row : flowRows.Skip(flowRows.IndexOf(row) + 1)
                    .FirstOrDefault(r => r["pdu_type"] == "RESP" && r["tid"] == row["tid"]);
                string expected = response is null ? "unknown"
                    : response["func"].EndsWith("_EXCEPTION", StringComparison.Ordinal) || response["exception"] != "-" ? "failure" : "success";
                bool same = e.Outcome == expected
                    && (response is null || response["exception"] == "-" || e.Detail!.Contains("exception=" + response["exception"], StringComparison.Ordinal));
                if (same)
                {
                    exact++;
                }
                else
                {
                    cmp.Difference(fuzz ? FuzzedSequenceNumbers : null, $"{e.Function} tid {row.GetValueOrDefault("tid")}: log {expected}, sensor {e.Outcome} ({e.Detail})");
                }
            }

            allExact += cmp.Report(output, exact);
        }

        if (!fuzz)
        {
            allExact.ShouldBe(total);
        }
    }

    [Fact]
    public void Port_502_flows_that_are_not_modbus_keep_no_modbus_service()
    {
        var run = DissectorRun.Of("ics-modbus/modbus-and-non-modbus-p502.pcap");
        run.Flows.Values.Count(f => f.Service == "modbus").ShouldBe(1);
        run.Flows.Values.Single(f => f.Service == "ssl").OrigIp.ShouldBe("66.175.213.4"); // a TLS ClientHello on 502
        run.Stats.Dissectors.MismatchesTotal.ShouldBeGreaterThan(0);
        run.Of<TlsHelloSeen>().Single().Sni.ShouldBeNull();
    }

    /// <summary>DETECTION.md §1.4 classes by Zeek's function names; unassigned codes are probes (discover).</summary>
    private static string ClassOf(string zeekName) => Request(zeekName) switch
    {
        "READ_COILS" or "READ_DISCRETE_INPUTS" or "READ_HOLDING_REGISTERS" or "READ_INPUT_REGISTERS" or "READ_FILE_RECORD"
            or "READ_FIFO_QUEUE" => "read",
        "WRITE_SINGLE_COIL" or "WRITE_SINGLE_REGISTER" or "WRITE_MULTIPLE_COILS" or "WRITE_MULTIPLE_REGISTERS"
            or "WRITE_FILE_RECORD" or "MASK_WRITE_REGISTER" or "READ_WRITE_MULTIPLE_REGISTERS" => "action",
        "READ_EXCEPTION_STATUS" or "DIAGNOSTICS" or "REPORT_SLAVE_ID" or "ENCAP_INTERFACE_TRANSPORT" => "discover",
        var n when n.StartsWith("unknown-", StringComparison.Ordinal) => "discover",
        var n => throw new InvalidOperationException("no §1.4 class in the test table for " + n),
    };

    /// <summary>The request's function name of a response row (X_EXCEPTION → X; unknown-(code|0x80) → unknown-code).</summary>
    private static string Request(string zeekName)
    {
        if (zeekName.EndsWith("_EXCEPTION", StringComparison.Ordinal))
        {
            return zeekName[..^"_EXCEPTION".Length];
        }

        return zeekName.StartsWith("unknown-", StringComparison.Ordinal) && int.TryParse(zeekName.AsSpan(8), out int code) && code >= 0x80
            ? "unknown-" + (code & 0x7F) : zeekName;
    }

    private static string Kebab(string zeekName) => zeekName.ToLowerInvariant().Replace('_', '-');

    /// <summary>A modbus.log; the icsnpp baseline went through "zeek-cut -n" and lost its header.</summary>
    private static List<Dictionary<string, string>> Read(string path)
    {
        if (File.ReadLines(path).Any(l => l.StartsWith("#fields", StringComparison.Ordinal)))
        {
            return ZeekConnLog.Read(path);
        }

        string[] fields = ["ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "func", "exception"];
        return File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => fields.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }
}
