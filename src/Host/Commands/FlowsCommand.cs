using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AutoRespond.Contracts;
using AutoRespond.Host.Cli;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Output;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond flows CAPTURE... [--format zeek-conn|jsonl|none]</c>: the sensor alone.</summary>
internal static class FlowsCommand
{
    public static Command Create(CliConsole console)
    {
        var captures = new Argument<FileInfo[]>("CAPTURE") { Description = "pcap or pcapng files, merged in timestamp order.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format(
            "zeek-conn: Zeek's tab-separated conn.log with its #fields header (default); jsonl: one JSON object per flow "
            + "with conn.log field names; none: only a summary (packets, flows, seconds, packets/s) on stderr.",
            "zeek-conn", "jsonl", "none");
        var command = new Command("flows",
            "Run only the sensor and print one record per flow with Zeek conn.log fields and semantics "
            + "(conn_state, history, per-direction bytes and packets, vlan), in the order flows end. While it reads, a "
            + "packet count is kept up to date on stderr when stderr is a terminal (and the records do not go to it). "
            + "Exit 3 when a capture cannot be read (flows up to the fault are printed).")
        {
            captures, format,
        };
        command.SetAction(parse => Run(parse.GetValue(captures)!, parse.GetValue(format) ?? "zeek-conn", console));
        return command;
    }

    private static int Run(FileInfo[] captures, string format, CliConsole console)
    {
        using var sink = new FlowSink(format, console);
        var sensor = new SensorEngine(new SensorOptions { ReportDevices = false }, sink);
        var clock = Stopwatch.StartNew();
        int exit = ExitCodes.Ok;
        // Progress only when the records do not go to the same terminal.
        var progress = format == "none" || !console.OutputIsTerminal ? console.StartPacketProgress() : null;
        try
        {
            using var reader = MergedCaptureReader.Open(captures.Select(c => c.FullName));
            ReadAll(reader, sensor, progress);
        }
        catch (CaptureException e)
        {
            progress?.Done();
            console.Fail(e.Message);
            exit = ExitCodes.UnreadableCapture;
        }
        progress?.Done();
        sensor.Complete();
        sink.Flush();
        if (format == "none")
        {
            double seconds = clock.Elapsed.TotalSeconds;
            var s = sensor.Stats;
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Packets:N0} packets, {s.FlowsEnded:N0} flows, {seconds:0.000} s, {s.Packets / Math.Max(seconds, 1e-9):N0} packets/s"
                + $" ({s.Packets - s.Decoded:N0} skipped, {s.FlowsEvicted:N0} evicted)"));
        }
        return exit;
    }

    /// <summary>Every packet of <paramref name="reader"/> into <paramref name="sensor"/>, with progress every 65,536 packets.</summary>
    internal static void ReadAll(MergedCaptureReader reader, SensorEngine sensor, IProgress<long>? progress)
    {
        long packets = 0;
        while (reader.TryReadNext(out var packet))
        {
            sensor.Process(packet);
            if ((++packets & 0xFFFF) == 0) progress?.Report(packets);
        }
    }

    private sealed class FlowSink(string format, CliConsole console) : INetworkEventSink, IDisposable
    {
        private readonly ZeekConnWriter? _zeek = format == "zeek-conn" ? new ZeekConnWriter(console.Out, leaveOpen: true) : null;
        private readonly FlowJsonWriter? _json = format == "jsonl" ? new FlowJsonWriter(console.OpenOutputStream()) : null;

        public void Publish(NetworkEvent e)
        {
            if (e is not FlowObserved { Phase: FlowPhase.Ended, Flow: var flow }) return;
            _zeek?.Write(flow);
            _json?.Write(flow);
        }

        public void AdvanceTo(DateTimeOffset packetTime) { }

        public void Flush()
        {
            _zeek?.Flush();
            _json?.Flush();
        }

        public void Dispose()
        {
            _zeek?.Dispose();
            _json?.Dispose();
        }
    }
}
