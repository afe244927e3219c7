using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Flows;
using AutoRespond.Sensor.Tests.Support;
using AutoRespond.TestUtils;

namespace AutoRespond.Sensor.Tests.Flows;

/// <summary>
/// Flow-by-flow comparison with every Zeek conn.log baseline in the corpus: 5-tuple, proto, conn_state, history,
/// packets and IP bytes per direction, payload bytes and duration where Zeek logged them.
/// </summary>
public sealed class ZeekBaselineTests(ITestOutputHelper output)
{
    /// <summary>Baselines produced with "zeek -C" (checksums ignored); the others had Zeek verify checksums.</summary>
    private static readonly HashSet<string> IgnoredChecksums = new(StringComparer.Ordinal)
    {
        "snap7-s300-everything.pcap", "s7comm-plus-inl.pcap", "icsnpp-modbus-example.pcap", "enip-cip-example.pcap",
        "bacnet-example.pcap", "pcapng-multi-interface.pcapng",
    };

    /// <summary>
    /// Files allowed to differ, with the named reason. Empty today: every baseline matches exactly, including the
    /// ICSNPP conn.logs that MANIFEST.md warns may be stale and the bare-mode (-b) runs.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal);

    /// <summary>
    /// Services the sensor's dissectors confirm (Dissectors/). <c>service</c> is compared where the baseline logged one
    /// of these, or where the sensor set one: a baseline service outside this set (http, ftp, ssh, dce_rpc, bacnet,
    /// rdpeudp ...) is a protocol the sensor does not dissect, so an unset service there is expected (Zeek's baselines
    /// also come from runs with various scripts loaded, e.g. bare mode).
    /// </summary>
    private static readonly HashSet<string> DissectedServices = new(StringComparer.Ordinal)
    {
        "ssl", "rdp", "cotp", "s7comm", "s7comm-plus", "modbus", "dnp3", "enip", "cip", "dhcp", "dns",
    };

    /// <summary>tcp-syn-bad-checksum.pcap's baseline is cut to uid/orig_pkts/resp_pkts/history/conn_state.</summary>
    public static TheoryData<string, bool> Baselines()
    {
        var data = new TheoryData<string, bool>();
        foreach (string log in Directory.EnumerateFiles(Captures.Root, "*.zeek-conn.log", SearchOption.AllDirectories)
                     .Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(Captures.Root, log).Replace('\\', '/');
            data.Add(relative, true);
            data.Add(relative, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Flows_match_the_zeek_conn_log(string baseline, bool attemptEndsFlow)
    {
        string capture = Captures.Path(baseline[..^".zeek-conn.log".Length]);
        string name = Path.GetFileName(capture);
        List<Dictionary<string, string>> zeek = ZeekConnLog.Read(Captures.Path(baseline));
        List<FlowRecord> ours = Run(capture, new FlowTableOptions
        {
            AttemptEndsFlow = attemptEndsFlow,
            VerifyChecksums = !IgnoredChecksums.Contains(name),
        });

        var unmatched = ours.Select(Describe).ToList();
        var missing = new List<string>();
        foreach (Dictionary<string, string> row in zeek)
        {
            string expected = Describe(row);
            int at = unmatched.FindIndex(o => Same(o, expected));
            if (at >= 0)
            {
                unmatched.RemoveAt(at);
            }
            else
            {
                missing.Add(expected);
            }
        }

        int matches = zeek.Count - missing.Count;
        output.WriteLine($"{name} (attempt ends flow: {attemptEndsFlow}): {matches}/{zeek.Count} Zeek flows matched exactly; "
            + $"sensor produced {ours.Count}");
        foreach (string m in missing.Take(10))
        {
            output.WriteLine("  zeek only:   " + m);
        }

        foreach (string u in unmatched.Take(10))
        {
            output.WriteLine("  sensor only: " + u);
        }

        if (KnownDifferences.TryGetValue(name, out string? reason))
        {
            output.WriteLine("  known difference: " + reason);
            ours.Count.ShouldBeGreaterThan(0);
            return;
        }

        missing.ShouldBeEmpty();
        unmatched.ShouldBeEmpty();
    }

    internal static List<FlowRecord> Run(string capture, FlowTableOptions options)
    {
        var sink = new CollectingSink();
        var engine = new SensorEngine(new SensorOptions { Flows = options }, sink);
        using (var reader = CaptureFileReader.Open(capture))
        {
            while (reader.TryReadNext(out RawPacket p))
            {
                engine.Process(p);
            }
        }

        engine.Complete();
        return sink.EndedFlows.ToList();
    }

    /// <summary>A comparable line; "?" stands for a column the baseline does not have.</summary>
    private static string Describe(FlowRecord f)
    {
        bool logged = f.Duration > TimeSpan.Zero;
        return string.Join(' ',
            f.OrigIp, f.OrigPort, f.RespIp, f.RespPort, f.Proto, f.ConnState, f.History.Length == 0 ? "-" : f.History,
            f.OrigPkts, f.OrigIpBytes, f.RespPkts, f.RespIpBytes,
            logged ? f.OrigBytes.ToString(CultureInfo.InvariantCulture) : "-",
            logged ? f.RespBytes.ToString(CultureInfo.InvariantCulture) : "-",
            logged ? (f.Duration.Ticks / 10).ToString(CultureInfo.InvariantCulture) : "-",
            f.Service ?? "-");
    }

    private static string Describe(Dictionary<string, string> row)
    {
        string F(string field) => row.TryGetValue(field, out string? v) ? v : "?";
        string duration = F("duration") is "-" or "?" ? F("duration")
            : decimal.Parse(F("duration"), CultureInfo.InvariantCulture).ToString("0.000000", CultureInfo.InvariantCulture)
                .Replace(".", "", StringComparison.Ordinal).TrimStart('0') is { Length: > 0 } us ? us : "0";
        return string.Join(' ',
            F("id.orig_h"), F("id.orig_p"), F("id.resp_h"), F("id.resp_p"), F("proto"), F("conn_state"), F("history"),
            F("orig_pkts"), F("orig_ip_bytes"), F("resp_pkts"), F("resp_ip_bytes"), F("orig_bytes"), F("resp_bytes"),
            duration, F("service"));
    }

    private static bool Same(string ours, string zeek)
    {
        string[] a = ours.Split(' '), b = zeek.Split(' ');
        return a.Length == b.Length && a[..^1].Zip(b[..^1]).All(p => p.Second == "?" || p.First == p.Second)
            && SameService(a[^1], b[^1]);
    }

    /// <summary>See <see cref="DissectedServices"/>.</summary>
    private static bool SameService(string ours, string zeek)
    {
        if (zeek == "?" || ours == zeek)
        {
            return true;
        }

        return ours == "-" && !zeek.Split(',').Any(DissectedServices.Contains);
    }
}
