using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AutoRespond.Configuration;
using AutoRespond.Executors;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Output;
using AutoRespond.Host.Replay;
using AutoRespond.Responders.Dispatch;
using AutoRespond.Responders.Engine;
using AutoRespond.Responders.WhatIf;
using AutoRespond.Sensor.Capture;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond replay CAPTURE... [--config FILE] [--compare FILE] [--format jsonl|table] [--out FILE]</c>.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var captures = new Argument<FileInfo[]>("CAPTURE")
        {
            Description = "pcap or pcapng files; several are merged in timestamp order.",
            Arity = ArgumentArity.OneOrMore,
        };
        captures.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && !File.Exists(t.Value)))
                result.AddError($"unknown option '{token.Value}'");
        });
        var config = CommonOptions.Config();
        var format = CommonOptions.Format(
            "jsonl: one JSON object per breach, incident and action (CONTRACT.md §3); table: for people. "
            + "Default: table on a terminal, jsonl otherwise.", "jsonl", "table");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the output to FILE instead of stdout.", HelpName = "FILE" };
        var compare = new Option<FileInfo?>("--compare")
        {
            Description = "What-if: replay the same captures a second time with the config FILE (B; --config is A) and print "
                + "only the actions whose outcome differs: jsonl lines {\"type\":\"action-diff\", time, id, incident, kind, "
                + "target, state_a, state_b, reason_a, reason_b} (a state is null where that config took no such action), "
                + "or a table.",
            HelpName = "FILE",
        };
        var command = new Command("replay",
            "Run captures through the whole pipeline (sensor, brain, response engine) on the captures' own clock, "
            + "and print breaches, incidents and actions. Responders act in the config's mode; with no 'response' "
            + "section that is dry-run, so nothing is sent anywhere. Exit 0 on success, 2 on a usage or "
            + "configuration error, 3 when a capture cannot be read (output up to the fault is kept).")
        {
            captures, config, format, output, compare,
        };
        command.SetAction((parse, ct) => parse.GetValue(compare) is { } b
            ? CompareAsync(parse.GetValue(captures)!, parse.GetValue(config), b, parse.GetValue(format), parse.GetValue(output), console, ct)
            : RunAsync(parse.GetValue(captures)!, parse.GetValue(config), parse.GetValue(format), parse.GetValue(output), console, ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<FileInfo> captures, FileInfo? configFile, string? format,
        FileInfo? outFile, CliConsole console, CancellationToken cancellationToken)
    {
        var config = CommonOptions.LoadConfig(configFile, console);
        if (config is null) return ExitCodes.Usage;
        format ??= outFile is null && console.OutputIsTerminal ? "table" : "jsonl";
        using var output = OpenOutput(format, outFile, console);
        ServiceProvider? storage;
        try
        {
            storage = await ReplayPipeline.OpenStorageAsync(config, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that cannot be opened or migrated: say which and why, in one line; nothing was replayed.
            console.Fail($"cannot open the {config.Storage.Provider.ToString().ToLowerInvariant()} storage named in the config: {e.GetBaseException().Message}");
            return ExitCodes.Failure;
        }
        await using var storageScope = storage;
        ServiceProvider? integrations;
        try
        {
            integrations = ReplayIntegrations.Open(config);
        }
        catch (ExecutorConfigurationException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }
        await using var integrationsScope = integrations;
        var executors = integrations?.GetServices<IActionExecutor>().Select(e => (IActionExecutor)new WallClockExecutor(e, TimeProvider.System)).ToList();
        var pipeline = new ReplayPipeline(config, output, executors, baselines: storage?.GetRequiredService<IBaselineStore>());
        var progress = console.StartPacketProgress();
        try
        {
            await pipeline.RunAsync(captures.Select(c => c.FullName).ToArray(), progress, cancellationToken);
            progress?.Done();
            return ExitCodes.Ok;
        }
        catch (CaptureException e)
        {
            progress?.Done();
            console.Fail(e.Message);
            return ExitCodes.UnreadableCapture;
        }
        catch (OperationCanceledException)
        {
            progress?.Done();
            console.Fail($"interrupted after {pipeline.Packets:N0} packets");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>What-if: the captures through two pipelines (config A and B), then the actions that differ.</summary>
    public static async Task<int> CompareAsync(IReadOnlyList<FileInfo> captures, FileInfo? configA, FileInfo configB,
        string? format, FileInfo? outFile, CliConsole console, CancellationToken cancellationToken)
    {
        if (CommonOptions.LoadConfig(configA, console) is not { } a || CommonOptions.LoadConfig(configB, console) is not { } b)
            return ExitCodes.Usage;
        format ??= outFile is null && console.OutputIsTerminal ? "table" : "jsonl";
        var paths = captures.Select(c => c.FullName).ToArray();
        try
        {
            var differences = ActionComparison.Compare(await DecisionsAsync(a, paths, cancellationToken),
                await DecisionsAsync(b, paths, cancellationToken));
            using var writer = outFile is null ? null : new StreamWriter(outFile.FullName);
            var target = writer ?? console.Out;
            if (format == "table") WriteDiffTable(target, differences);
            else foreach (var d in differences) target.WriteLine(DiffLine(d));
            target.Flush();
            return ExitCodes.Ok;
        }
        catch (CaptureException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UnreadableCapture;
        }
        catch (OperationCanceledException)
        {
            console.Fail("interrupted");
            return ExitCodes.Interrupted;
        }
    }

    private static async Task<IReadOnlyList<ActionDecision>> DecisionsAsync(AutoRespondConfig config, string[] captures,
        CancellationToken cancellationToken)
    {
        using var collector = new DecisionCollector();
        await new ReplayPipeline(config, collector).RunAsync(captures, null, cancellationToken);
        return collector.Decisions;
    }

    private static string DiffLine(ActionDifference d)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "action-diff");
            w.WriteString("time", JsonLinesOutput.Iso(d.Time));
            w.WriteString("id", d.ActionId);
            w.WriteString("incident", d.IncidentId);
            w.WriteString("kind", d.Kind);
            w.WriteString("target", d.Target);
            w.WriteString("state_a", d.StateA);
            w.WriteString("state_b", d.StateB);
            w.WriteString("reason_a", d.ReasonA);
            w.WriteString("reason_b", d.ReasonB);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDiffTable(TextWriter writer, IReadOnlyList<ActionDifference> differences)
    {
        writer.WriteLine($"{"TIME (UTC)",-19}  {"ACTION",-16}  {"KIND",-17}  {"TARGET",-15}  {"STATE UNDER A",-21}  STATE UNDER B");
        foreach (var d in differences)
            writer.WriteLine($"{d.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19}  {d.ActionId,-16}  "
                + $"{d.Kind,-17}  {d.Target,-15}  {d.StateA ?? "(none)",-21}  {d.StateB ?? "(none)"}");
        writer.WriteLine();
        writer.WriteLine(differences.Count == 1 ? "1 action differs." : $"{differences.Count} actions differ.");
    }

    private sealed class DecisionCollector : IReplayOutput
    {
        public List<ActionDecision> Decisions { get; } = [];

        public void OnAction(ActionDecision decision) => Decisions.Add(decision);

        public void OnBreach(AutoRespond.Contracts.Breach breach) { }

        public void OnIncident(AutoRespond.Contracts.IncidentScored incident) { }

        public void Complete(ReplaySummary summary) { }

        public void Dispose() { }
    }

    private static IReplayOutput OpenOutput(string format, FileInfo? outFile, CliConsole console)
    {
        if (format == "table")
        {
            return outFile is null ? new TableOutput(console.Out) : new TableOutput(new StreamWriter(outFile.FullName), ownsWriter: true);
        }
        return outFile is null
            ? new JsonLinesOutput(console.OpenOutputStream())
            : new JsonLinesOutput(File.Create(outFile.FullName), ownsStream: true);
    }
}
