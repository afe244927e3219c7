using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>
/// S7comm / S7comm-plus events against the ICSNPP baselines (cisagov/icsnpp-s7comm, written by nobody here):
/// s7comm.log (every PDU: requests give function/subfunction and class, the response with the same PDU reference gives
/// the outcome), s7comm_read_szl.log (SZL id + index), s7comm_upload_download.log (block operations and blocks),
/// s7comm_plus.log (request function codes).
/// </summary>
public sealed class S7BaselineTests(ITestOutputHelper output)
{
    /// <summary>Reason: "more data" follow-up requests (12-byte Userdata parameter) are not logged by ICSNPP.</summary>
    private const string Continuation = "userdata-continuation-not-logged-by-icsnpp";

    /// <summary>Reason: ICSNPP logs a fragmented Userdata response once, under the continuation's PDU reference.</summary>
    private const string Fragmented = "fragmented-response-logged-under-continuation-reference";

    /// <summary>Reason: a Read/Write Var item return code ≠ 0xFF fails the command (DETECTION.md §1.2); s7comm.log only
    /// logs the header error class, which is "No error".</summary>
    private const string ItemCode = "item-return-code-not-in-s7comm-log";

    /// <summary>Reason: a Userdata data return code ≠ 0xFF (e.g. 0x0a object does not exist) fails the command; the log
    /// only carries the parameter error code.</summary>
    private const string UserdataCode = "userdata-return-code-not-in-s7comm-log";

    /// <summary>Reason: error responses come as ROSCTR 2 (Ack without data), which s7comm.log does not log; the header
    /// error class (e.g. 0xd241) fails the command.</summary>
    private const string AckError = "ack-error-response-not-logged-by-icsnpp";

    public static TheoryData<string> S7commLogs() => new()
    {
        "ics-s7/snap7-s300-everything.pcap", "ics-s7/s7comm-plus-inl.pcap", "ics-s7/s7ident.pcap",
    };

    [Theory]
    [MemberData(nameof(S7commLogs))]
    public void S7comm_log_functions_classes_and_outcomes(string capture)
    {
        var run = DissectorRun.Of(capture);
        var rows = ZeekConnLog.Read(Captures.Path(capture + ".zeek-s7comm.log"));
        int exact = 0;
        foreach (var flow in rows.GroupBy(DissectorRun.ConnKey))
        {
            var flowRows = flow.ToList();
            var requests = flowRows.Select((r, i) => (Row: r, Index: i)).Where(x => IsRequest(x.Row)).ToList();
            var all = run.Ics("s7comm").Where(e => e.Function != "cotp-connect" && run.ConnKey(e.FlowUid) == flow.Key).ToList();
            var events = all.Where(e => e.Detail != "continuation").ToList();
            var cmp = new RecordComparison<(Dictionary<string, string> Row, int Index), IcsCommandSeen>(
                Path.GetFileName(capture) + ".zeek-s7comm.log " + flow.Key, requests, events, x => Key(x.Row), Key).Align();
            cmp.Explain(_ => null, _ => null);
            foreach (IcsCommandSeen c in all.Where(e => e.Detail == "continuation"))
            {
                cmp.Difference(Continuation, "sensor only: " + Key(c) + " continuation");
            }
            foreach (var (req, e) in cmp.Matched)
            {
                string expectedClass = ClassOf(req.Row);
                string expectedOutcome = OutcomeOf(flowRows, req.Index);
                e.Class.ShouldBe(expectedClass, $"class of {Key(req.Row)}");
                if (e.Outcome == expectedOutcome)
                {
                    exact++;
                    continue;
                }

                int next = all.IndexOf(e) + 1;
                string? reason = e.Outcome == "failure" && e.Detail?.Contains("item-error=", StringComparison.Ordinal) == true ? ItemCode
                    : e.Outcome == "failure" && e.Detail?.Contains("return-code=", StringComparison.Ordinal) == true ? UserdataCode
                    : expectedOutcome == "unknown" && next < all.Count && all[next].Detail == "continuation" ? Fragmented
                    : expectedOutcome == "unknown" && e.Outcome == "failure" && e.Detail?.Contains(" error=0x", StringComparison.Ordinal) == true ? AckError
                    : null;
                cmp.Difference(reason, $"{Key(req.Row)} ref {req.Row["pdu_reference"]}: log {expectedOutcome}, sensor {e.Outcome} ({e.Detail})");
            }

            cmp.Report(output, exact);
        }
    }

    [Fact]
    public void Read_szl_log_ids_and_indexes()
    {
        var run = DissectorRun.Of("ics-s7/snap7-s300-everything.pcap");
        var rows = ZeekConnLog.Read(Captures.Path("ics-s7/snap7-s300-everything.pcap.zeek-s7comm_read_szl.log"))
            .Where(r => r["method"] == "Request").ToList();
        var events = run.Ics("s7comm").Where(e => e.Function == "read-szl" && e.Detail != "continuation").ToList();
        var cmp = new RecordComparison<Dictionary<string, string>, IcsCommandSeen>("snap7-s300-everything.pcap.zeek-s7comm_read_szl.log",
            rows, events, r => $"szl={r["szl_id"]} index={r["szl_index"]}", e => e.Detail ?? "").Align();
        cmp.Explain(_ => null, _ => null);
        cmp.Matched.ShouldAllBe(m => m.Actual.Class == "discover");
        cmp.Report(output, cmp.Matched.Count).ShouldBe(rows.Count);
    }

    [Fact]
    public void Upload_download_log_operations_and_blocks()
    {
        var run = DissectorRun.Of("ics-s7/snap7-s300-everything.pcap");
        var rows = ZeekConnLog.Read(Captures.Path("ics-s7/snap7-s300-everything.pcap.zeek-s7comm_upload_download.log"))
            .Where(r => r["rosctr"] == "Job-Request").ToList();
        var events = run.Ics("s7comm").Where(e => e.Code is >= 0x1A and <= 0x1F).ToList();
        static string Op(string name) => name.ToLowerInvariant().Replace(' ', '-');
        var cmp = new RecordComparison<Dictionary<string, string>, IcsCommandSeen>("snap7-s300-everything.pcap.zeek-s7comm_upload_download.log",
            rows, events,
            r => Op(r["function_name"]) + (r["filename"] == "-" ? "" : " file=" + r["filename"]),
            e => e.Function + (e.Detail!.Contains("file=", StringComparison.Ordinal) ? " file=" + e.Detail.Split("file=")[1].Split(' ')[0] : "")).Align();
        cmp.Explain(_ => null, _ => null);
        foreach (var (row, e) in cmp.Matched.Where(m => m.Expected["block_type"] != "-"))
        {
            string type = row["block_type"] switch { "System Data Block" => "SDB", "Organization Block" => "OB", "Data Block" => "DB", var t => t };
            e.Detail!.ShouldContain($"block={type}{int.Parse(row["block_number"], CultureInfo.InvariantCulture)}");
            e.Class.ShouldBe("reprogram");
        }

        cmp.Report(output, cmp.Matched.Count).ShouldBe(rows.Count);
    }

    [Fact]
    public void S7comm_plus_log_request_functions()
    {
        var run = DissectorRun.Of("ics-s7/s7comm-plus-inl.pcap");
        var rows = ZeekConnLog.Read(Captures.Path("ics-s7/s7comm-plus-inl.pcap.zeek-s7comm_plus.log"))
            .Where(r => r["opcode"] == "0x31").ToList();
        var events = run.Ics("s7comm-plus").Where(e => e.Function != "cotp-connect").ToList();
        var cmp = new RecordComparison<Dictionary<string, string>, IcsCommandSeen>("s7comm-plus-inl.pcap.zeek-s7comm_plus.log",
            rows, events, r => r["function_code"], e => "0x" + e.Code.ToString("x4", CultureInfo.InvariantCulture)).Align();
        cmp.Explain(_ => null, _ => null);
        foreach (var (row, e) in cmp.Matched)
        {
            e.Class.ShouldBe(row["function_name"] switch
            {
                "Set Variable" or "Set Multi Variables" => "action",
                "Get Multi Variables" => "read",
                var other => throw new InvalidOperationException("no class for " + other),
            });
        }

        run.Flows.Values.Single(f => f.Service == "cotp,s7comm-plus").RespPort.ShouldBe(102);
        cmp.Report(output, cmp.Matched.Count).ShouldBe(rows.Count);
    }

    private static bool IsRequest(Dictionary<string, string> row)
        => row["rosctr_code"] == "1" || (row["rosctr_code"] == "7" && (Hex(row["function_code"]) >> 6) == 1);

    private static string Key(Dictionary<string, string> row)
        => row["rosctr_code"] == "1"
            ? "job " + row["function_code"]
            : $"ud {Hex(row["function_code"]) & 0x3F}/{Hex(row["subfunction_code"])}";

    private static string Key(IcsCommandSeen e)
        => e.Code < 0x100 ? "job 0x" + e.Code.ToString("x2", CultureInfo.InvariantCulture) : $"ud {e.Code >> 8}/{e.Code & 0xFF}";

    /// <summary>DETECTION.md §1.2's class table, looked up by ICSNPP's names (not the sensor's).</summary>
    private static string ClassOf(Dictionary<string, string> row) => (row["function_name"], row["subfunction_name"], row["subfunction_code"]) switch
    {
        ("Setup Communication", _, _) => "session",
        ("Read Variable", _, _) => "read",
        ("Write Variable", _, _) => "action",
        ("Start Upload" or "Upload" or "End Upload" or "Request Download" or "Download Block" or "Download Ended", _, _) => "reprogram",
        ("PLC Stop", _, _) => "action",
        ("PLC Control", _, "P_PROGRAM") => "action",
        ("PLC Control", _, "_INSE" or "_INS2" or "_DELE" or "_MODU" or "_GARB") => "reprogram",
        (_, "Read SZL" or "List Blocks" or "List Blocks of Type" or "Get Block Info" or "Read Clock", _) => "discover",
        (_, "Set Clock", _) => "action",
        var other => throw new InvalidOperationException($"no §1.2 class in the test table for {other}"),
    };

    /// <summary>The first response after the request with the same PDU reference: "No error" ⇒ success.</summary>
    private static string OutcomeOf(List<Dictionary<string, string>> rows, int requestIndex)
    {
        var request = rows[requestIndex];
        bool job = request["rosctr_code"] == "1";
        var response = rows.Skip(requestIndex + 1).FirstOrDefault(r => r["pdu_reference"] == request["pdu_reference"]
            && (job ? r["rosctr_code"] is "2" or "3" : r["rosctr_code"] == "7" && (Hex(r["function_code"]) >> 6) == 2));
        return response is null ? "unknown" : response["error_class"] == "No error" ? "success" : "failure";
    }

    private static int Hex(string value) => int.Parse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
