using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>
/// DNP3 events against Zeek's dnp3.log baselines. Zeek writes one row per response (fc_request = the pending request,
/// or "-"), and one at connection end for a request left unanswered. Compared: the request function sequence, the
/// class (DETECTION.md §1.5 by Zeek's names) and the outcome (RESPONSE with IIN2 error bits ⇒ failure).
/// </summary>
public sealed class Dnp3BaselineTests(ITestOutputHelper output)
{
    /// <summary>Reason: CONFIRM (function 0) acknowledges a fragment; it is not a command, so no event.</summary>
    private const string Confirm = "confirm-is-not-a-command";

    /// <summary>Reason: Zeek holds one pending request per connection; a second request before any response replaces
    /// the first, which is never logged. The sensor reports the first with outcome unknown.</summary>
    private const string Overwritten = "zeek-overwrites-an-unanswered-request";

    /// <summary>Reason: Zeek pairs the pending request with the next response header even when it is an unsolicited
    /// response (0x82); the sensor takes the outcome from the solicited response (0x81) only.</summary>
    private const string Unsolicited = "zeek-pairs-request-with-unsolicited-response";

    public static TheoryData<string> Logs() => new()
    {
        "ics-other/dnp3.pcap", "ics-other/dnp3-read.pcap", "ics-other/dnp3-write.pcap", "ics-other/dnp3-select-operate.pcap",
        "ics-other/dnp3-file-read.pcap", "ics-other/dnp3-en-spon.pcap", "ics-other/dnp3-udp-read.pcap", "ics-other/dnp3-udp-write.pcap",
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Dnp3_log_functions_classes_and_outcomes(string capture)
    {
        var run = DissectorRun.Of(capture);
        var rows = ZeekConnLog.Read(Captures.Path(capture + ".zeek-dnp3.log"));
        int total = 0, allExact = 0;
        foreach (var flow in rows.GroupBy(DissectorRun.ConnKey))
        {
            int exact = 0;
            var requests = flow.Where(r => r["fc_request"] is not ("-" or "CONFIRM")).ToList();
            var events = run.Ics("dnp3").Where(e => run.ConnKey(e.FlowUid) == flow.Key).ToList();
            total += requests.Count;
            var cmp = new RecordComparison<Dictionary<string, string>, IcsCommandSeen>(
                Path.GetFileName(capture) + ".zeek-dnp3.log " + flow.Key, requests, events,
                r => r["fc_request"].ToLowerInvariant().Replace('_', '-'), e => e.Function).Align();
            cmp.Explain(_ => null, e =>
            {
                int at = events.IndexOf(e);
                bool twin = (at + 1 < events.Count && events[at + 1].Function == e.Function)
                    || (at > 0 && events[at - 1].Function == e.Function && events[at - 1].Outcome == "unknown");
                return e.Outcome == "unknown" && twin ? Overwritten : null;
            });
            foreach (var row in flow.Where(r => r["fc_request"] == "CONFIRM"))
            {
                cmp.Difference(Confirm, "baseline row CONFIRM " + row["fc_reply"]);
            }

            foreach (var (row, e) in cmp.Matched)
            {
                e.Class.ShouldBe(ClassOf(row["fc_request"], e.Detail), $"class of {row["fc_request"]}");
                string expected = row["fc_reply"] == "-" ? "unknown"
                    : (int.Parse(row["iin"], CultureInfo.InvariantCulture) & 0x37) != 0 ? "failure" : "success";
                if (e.Outcome == expected)
                {
                    exact++;
                }
                else
                {
                    cmp.Difference(row["fc_reply"] == "UNSOLICITED_RESPONSE" ? Unsolicited : null,
                        $"{e.Function}: log {row["fc_reply"]} iin {row["iin"]}, sensor {e.Outcome}");
                }
            }

            allExact += cmp.Report(output, exact);
        }

        run.Flows.Values.Where(f => f.RespPort == 20000).ShouldAllBe(f => f.Service == "dnp3");
        output.WriteLine($"{Path.GetFileName(capture)}: {allExact}/{total} request rows matched exactly");
    }

    /// <summary>DETECTION.md §1.5 by Zeek's function names (READ of group 0 device attributes is discover).</summary>
    private static string ClassOf(string zeekName, string? detail) => zeekName switch
    {
        "READ" => detail?.Contains("g0v", StringComparison.Ordinal) == true ? "discover" : "read",
        "WRITE" or "SELECT" or "OPERATE" or "DIRECT_OPERATE" or "DIRECT_OPERATE_NR" or "ENABLE_UNSOLICITED"
            or "DISABLE_UNSOLICITED" or "COLD_RESTART" or "WARM_RESTART" or "STOP_APPL" or "START_APPL" => "action",
        "OPEN_FILE" or "CLOSE_FILE" or "DELETE_FILE" or "SAVE_CONFIG" or "ACTIVATE_CONFIG" => "reprogram",
        _ => throw new InvalidOperationException("no §1.5 class in the test table for " + zeekName),
    };
}
