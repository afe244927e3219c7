using AutoRespond.Contracts;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Dissectors;

/// <summary>
/// EtherNet/IP events against ICSNPP's enip.log (one row per encapsulation PDU; the test's zeek-cut removed the header)
/// and cip_identity.log (the ListIdentity reply).
/// </summary>
public sealed class EnipBaselineTests(ITestOutputHelper output)
{
    private const string Capture = "ics-other/enip-cip-example.pcap";

    private static readonly string[] EnipFields =
    [
        "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "is_orig", "source_h", "source_p", "destination_h",
        "destination_p", "enip_command_code", "enip_command", "length", "session_handle", "enip_status", "sender_context", "options",
    ];

    private static readonly string[] IdentityFields =
    [
        "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "is_orig", "source_h", "source_p", "destination_h",
        "destination_p", "encapsulation_version", "socket_address", "socket_port", "vendor_id", "vendor_name", "device_type_id",
        "device_type_name", "product_code", "revision", "device_status", "serial_number", "product_name", "device_state",
    ];

    [Fact]
    public void Enip_log_commands_classes_and_outcomes()
    {
        var run = DissectorRun.Of(Capture);
        var rows = Read(Capture + ".zeek-enip.log", EnipFields);
        int allExact = 0, requests = 0;
        foreach (var flow in rows.GroupBy(DissectorRun.ConnKey))
        {
            int exact = 0;
            var flowRows = flow.ToList();
            var expected = flowRows.Where(r => r["is_orig"] == "T").ToList();
            var events = run.Ics("enip").Where(e => run.ConnKey(e.FlowUid) == flow.Key).ToList();
            requests += expected.Count;
            var cmp = new RecordComparison<Dictionary<string, string>, IcsCommandSeen>("enip-cip-example.pcap.zeek-enip.log " + flow.Key,
                expected, events, r => r["enip_command_code"], Command).Align();
            cmp.Explain(_ => null, _ => null);
            foreach (var (row, e) in cmp.Matched)
            {
                e.Class.ShouldBe(row["enip_command_code"] == "0x63" ? "discover" : e.Function switch
                {
                    "get-attribute-list" or "multiple-service-packet" => "read",
                    "set-attribute-list" => "action",
                    var f => throw new InvalidOperationException("no §1.6 class in the test table for " + f),
                });
                var reply = flowRows.Skip(flowRows.IndexOf(row) + 1).FirstOrDefault(r => r["is_orig"] == "F"
                    && r["enip_command_code"] == row["enip_command_code"]);
                string outcome = reply is null ? "unknown" : reply["enip_status"] == "Success" ? "success" : "failure";
                e.Outcome.ShouldBe(outcome);
                exact++;
            }

            allExact += cmp.Report(output, exact);
        }

        allExact.ShouldBe(requests);
    }

    [Fact]
    public void Cip_identity_log_product_vendor_device_revision_serial()
    {
        var run = DissectorRun.Of(Capture);
        var identity = Read(Capture + ".zeek-cip_identity.log", IdentityFields).Single();
        var listIdentity = run.Ics("enip").Single(e => e.Function == "list-identity");
        listIdentity.Detail.ShouldBe($"product=\"{identity["product_name"]}\" vendor={identity["vendor_id"]} "
            + $"device-type={identity["device_type_id"]} product-code={identity["product_code"]} revision={identity["revision"]} "
            + $"serial={identity["serial_number"]}");
        (listIdentity.Class, listIdentity.Outcome, listIdentity.Code).ShouldBe(("discover", "success", 0x63));
        output.WriteLine("enip-cip-example.pcap.zeek-cip_identity.log: 1/1 records matched exactly");
    }

    private static string Command(IcsCommandSeen e) => e.Function switch
    {
        "list-identity" => "0x63",
        _ when e.Detail?.StartsWith("encap=send-unit-data", StringComparison.Ordinal) == true => "0x70",
        _ when e.Detail?.StartsWith("encap=send-rr-data", StringComparison.Ordinal) == true => "0x6f",
        _ => "0x" + e.Code.ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static List<Dictionary<string, string>> Read(string relative, string[] fields)
        => File.ReadLines(Captures.Path(relative)).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => fields.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
}
