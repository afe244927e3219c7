using System.CommandLine;
using AutoRespond.Contracts;
using AutoRespond.Host.Cli;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;
using AutoRespond.Sensor.Dissectors;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond events CAPTURE...</c>: the sensor's protocol events as JSON lines (CONTRACT.md §1).</summary>
internal static class EventsCommand
{
    public static Command Create(CliConsole console)
    {
        var captures = new Argument<FileInfo[]>("CAPTURE")
        {
            Description = "pcap or pcapng files, merged in timestamp order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("events",
            "Run only the sensor and print its protocol events as JSON lines, one object per event, in event-time order. "
            + "Every object has 'type' and 'time' (ISO-8601 UTC, the packet time), then snake_case fields:\n"
            + "  device       mac, ip, hostname (from DHCP), vlan\n"
            + "  tls-hello    uid, client, server, server_port, sni (null when the ClientHello has none), ja3, ja3_hash,\n"
            + "               ja3n/ja3n_hash (sorted extensions), ja3s/ja3s_hash and version (from the ServerHello), alpn\n"
            + "  tls-cert     uid, client, server, server_port, subject, issuer, self_signed, sha256, chain_length\n"
            + "  rdp-request  uid, client, server, server_port, cookie, routing_token, requested_protocols (+ names),\n"
            + "               restricted_admin, negotiation_flags, confirmed, selected_protocol, failure_code\n"
            + "  ics-command  uid, client, server, server_port, protocol (s7comm|s7comm-plus|modbus|dnp3|enip),\n"
            + "               class (session|discover|read|action|reprogram), function, code, detail (SZL id, block,\n"
            + "               register range, PI name ...), outcome (success|failure|unknown), critical\n"
            + "  dhcp         uid, mac, message_type, hostname, client_id, requested_ip, assigned_ip, client_ip,\n"
            + "               server_ip, vendor_class, vlan\n"
            + "  dns-answer   uid, client (the device that asked), server, query, qtype, rcode, addresses, names, ttl\n"
            + "  jsonrpc      uid, client, server, server_port, transport (http-post|sse), kind, method, id, mcp, tool,\n"
            + "               client_name, server_name, protocol_version, http_host, http_path\n"
            + "An ICS command is printed when its response arrives (or the flow ends), a TLS hello when the ServerHello "
            + "arrives. Only JSON goes to stdout; counters of malformed payloads go to stderr with --stats, and a packet count "
            + "while reading when stderr is a terminal and stdout is not. Exit 3 when a "
            + "capture cannot be read or is truncated (the events up to the fault are printed).\n\n"
            + "Example: autorespond events plant.pcap | jq 'select(.type==\"ics-command\" and .class==\"reprogram\")'")
        {
            captures,
        };
        var stats = new Option<bool>("--stats") { Description = "Print per-dissector counters (PDUs, malformed, events) on stderr." };
        command.Options.Add(stats);
        command.SetAction(parse => Run(parse.GetValue(captures)!, parse.GetValue(stats), console));
        return command;
    }

    private static int Run(FileInfo[] captures, bool printStats, CliConsole console)
    {
        using var writer = new EventJsonWriter(console.OpenOutputStream());
        var sink = new Sink(writer);
        var sensor = new SensorEngine(new SensorOptions(), sink);
        int exit = ExitCodes.Ok;
        var progress = console.OutputIsTerminal ? null : console.StartPacketProgress(); // not between events on a terminal
        try
        {
            using var reader = MergedCaptureReader.Open(captures.Select(c => c.FullName));
            FlowsCommand.ReadAll(reader, sensor, progress);
        }
        catch (CaptureException e)
        {
            progress?.Done();
            sensor.Complete();
            writer.Flush();
            console.Fail(e.Message);
            exit = ExitCodes.UnreadableCapture;
        }
        progress?.Done();
        sensor.Complete();
        writer.Flush();
        if (printStats)
        {
            foreach (var (name, value) in sensor.Stats.Dissectors.Counters()) console.Error.WriteLine($"{name} {value}");
            console.Error.WriteLine($"events {writer.Count}");
        }
        return exit;
    }

    private sealed class Sink(EventJsonWriter writer) : INetworkEventSink
    {
        public void Publish(NetworkEvent networkEvent) => writer.Write(networkEvent);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }
}
