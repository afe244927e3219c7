using System.CommandLine;
using AutoRespond.Configuration;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Output;
using AutoRespond.Host.Replay;
using AutoRespond.Sensor.Capture;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond replay CAPTURE... [--config FILE] [--format jsonl|table] [--out FILE]</c>.</summary>
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
        var command = new Command("replay",
            "Run captures through the whole pipeline (sensor, brain, response engine) on the captures' own clock, "
            + "and print breaches, incidents and actions. Responders act in the config's mode; with no 'response' "
            + "section that is dry-run, so nothing is sent anywhere. Exit 0 on success, 2 on a usage or "
            + "configuration error, 3 when a capture cannot be read (output up to the fault is kept).")
        {
            captures, config, format, output,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(captures)!, parse.GetValue(config), parse.GetValue(format),
            parse.GetValue(output), console, ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<FileInfo> captures, FileInfo? configFile, string? format,
        FileInfo? outFile, CliConsole console, CancellationToken cancellationToken)
    {
        var config = CommonOptions.LoadConfig(configFile, console);
        if (config is null) return ExitCodes.Usage;
        format ??= outFile is null && console.OutputIsTerminal ? "table" : "jsonl";
        using var output = OpenOutput(format, outFile, console);
        var pipeline = new ReplayPipeline(config, output);
        var progress = console.Interactive ? new Progress<long>(n => console.Error.Write($"\r{n:N0} packets…")) : null;
        try
        {
            await pipeline.RunAsync(captures.Select(c => c.FullName).ToArray(), progress, cancellationToken);
            if (progress is not null) console.Error.Write("\r");
            return ExitCodes.Ok;
        }
        catch (CaptureException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UnreadableCapture;
        }
        catch (OperationCanceledException)
        {
            console.Fail($"interrupted after {pipeline.Packets:N0} packets");
            return ExitCodes.Interrupted;
        }
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
