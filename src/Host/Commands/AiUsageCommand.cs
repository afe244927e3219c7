using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AutoRespond.Brain.Ai;
using AutoRespond.Host.Cli;
using AutoRespond.Sensor;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond ai-usage CAPTURE... [--config F] [--format table|jsonl]</c>: the AI-service inventory of captures (issue 9).</summary>
internal static class AiUsageCommand
{
    public static Command Create(CliConsole console)
    {
        var captures = new Argument<FileInfo[]>("CAPTURE") { Description = "pcap or pcapng files, merged in timestamp order.", Arity = ArgumentArity.OneOrMore };
        var config = CommonOptions.Config();
        var format = CommonOptions.Format(
            "table: one block per service with its devices; jsonl: one object per service ({\"type\":\"ai-service\", id, name, "
            + "vendor, category, sanctioned, first_seen, last_seen, bytes_up, bytes_down, connections, hosts, users, devices:[{ip, "
            + "hostname, user, first_seen, last_seen, bytes_up, bytes_down, connections}]}) then one per MCP endpoint "
            + "({\"type\":\"mcp-endpoint\", server, port, host, server_name, clients, client_names, tools, messages, first_seen, "
            + "last_seen}). Default: table on a terminal, jsonl otherwise.", "table", "jsonl");
        var command = new Command("ai-usage",
            "What AI are we using, who uses it, is our data going there: reads the captures with the sensor and lists every AI "
            + "service of the catalogue (built in, plus the config's ai.catalogue) that internal devices reached — named by TLS "
            + "SNI, certificate or the DNS answer the device received — with its devices and users (integrations.users), first "
            + "and last seen, bytes up and down and whether it is sanctioned (ai.sanctioned); then MCP servers seen on cleartext "
            + "HTTP. Exit 0 on success, 2 on a usage or configuration error, 3 when a capture cannot be read.")
        {
            captures, config, format,
        };
        command.SetAction(parse => Run(parse.GetValue(captures)!, parse.GetValue(config), parse.GetValue(format), console));
        return command;
    }

    private static int Run(FileInfo[] captures, FileInfo? configFile, string? format, CliConsole console)
    {
        if (CommonOptions.LoadConfig(configFile, console) is not { } config) return ExitCodes.Usage;
        var inventory = AiUsageInventory.For(config);
        foreach (string unknown in AiCatalogue.From(config.Ai).UnknownSanctioned)
            console.Error.WriteLine($"autorespond: warning: ai.sanctioned: '{unknown}' names no service of the catalogue");
        int exit = ExitCodes.Ok;
        var sensor = new SensorEngine(new SensorOptions(), new InventorySink(inventory));
        try
        {
            using var reader = MergedCaptureReader.Open(captures.Select(c => c.FullName));
            while (reader.TryReadNext(out var packet)) sensor.Process(packet);
        }
        catch (CaptureException e)
        {
            console.Fail(e.Message);
            exit = ExitCodes.UnreadableCapture;
        }
        sensor.Complete();
        var report = inventory.Snapshot();
        format ??= console.OutputIsTerminal ? "table" : "jsonl";
        if (format == "table") WriteTable(console.Out, report);
        else WriteJsonLines(console.Out, report);
        console.Out.Flush();
        return exit;
    }

    internal static void WriteJsonLines(TextWriter output, AiUsageReport report)
    {
        var options = AiUsageInventory.JsonOptions;
        foreach (var s in report.Services)
        {
            var line = JsonSerializer.SerializeToNode(s, options)!.AsObject();
            var ordered = new System.Text.Json.Nodes.JsonObject { ["type"] = "ai-service" };
            foreach (var (key, value) in line.ToList())
            {
                line.Remove(key);
                ordered[key] = value;
            }
            output.WriteLine(ordered.ToJsonString(options));
        }
        foreach (var m in report.Mcp)
        {
            var line = JsonSerializer.SerializeToNode(m, options)!.AsObject();
            var ordered = new System.Text.Json.Nodes.JsonObject { ["type"] = "mcp-endpoint" };
            foreach (var (key, value) in line.ToList())
            {
                line.Remove(key);
                ordered[key] = value;
            }
            output.WriteLine(ordered.ToJsonString(options));
        }
    }

    internal static void WriteTable(TextWriter o, AiUsageReport report)
    {
        if (report.Services.Count == 0) o.WriteLine("No AI service of the catalogue was reached.");
        foreach (var s in report.Services)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name} ({s.Vendor}, {s.Category}) — {(s.Sanctioned ? "sanctioned" : "NOT SANCTIONED")}: {s.Devices.Count} device(s), "
                + $"{Bytes(s.BytesUp)} up, {Bytes(s.BytesDown)} down, {s.Connections} connection(s), {Time(s.FirstSeen)} to {Time(s.LastSeen)}"));
            o.WriteLine($"  hosts: {string.Join(", ", s.Hosts)}");
            o.WriteLine($"    {"DEVICE",-15}  {"HOSTNAME",-14}  {"USER",-22}  {"UP",10}  {"DOWN",10}  {"CONN",5}  FIRST SEEN → LAST SEEN (UTC)");
            foreach (var d in s.Devices)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {d.Ip,-15}  {d.Hostname ?? "-",-14}  {d.User ?? "-",-22}  {Bytes(d.BytesUp),10}  {Bytes(d.BytesDown),10}  {d.Connections,5}  {Time(d.FirstSeen)} → {Time(d.LastSeen)}"));
            o.WriteLine();
        }
        foreach (var m in report.Mcp)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MCP server {m.Server}:{m.Port}{(m.ServerName is null ? "" : $" '{m.ServerName}'")}: clients {string.Join(", ", m.Clients)}, "
                + $"tools called: {(m.Tools.Count == 0 ? "none" : string.Join(", ", m.Tools))}, {m.Messages} message(s), {Time(m.FirstSeen)} to {Time(m.LastSeen)}"));
    }

    internal static string Bytes(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private sealed class InventorySink(AiUsageInventory inventory) : INetworkEventSink
    {
        public void Publish(AutoRespond.Contracts.NetworkEvent networkEvent) => inventory.Observe(networkEvent);

        public void AdvanceTo(DateTimeOffset packetTime) { }
    }
}
