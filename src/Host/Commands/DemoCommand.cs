using System.CommandLine;
using AutoRespond.Configuration;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Demo;
using AutoRespond.Host.Output;
using AutoRespond.Host.Replay;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond demo</c>: simulate, replay, show. Needs no services and sends nothing anywhere.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var format = CommonOptions.Format("table (default) or jsonl.", "table", "jsonl");
        var keep = new Option<FileInfo?>("--keep") { Description = "Keep the simulated capture at FILE (it is deleted otherwise).", HelpName = "FILE" };
        var seed = new Option<int>("--seed") { Description = "Seed for the simulated traffic's jitter.", DefaultValueFactory = _ => 7 };
        var command = new Command("demo",
            "Simulate three hours of an office and a plant network in which a new laptop sweeps the PLCs on ports "
            + "102 and 502, replay it through sensor, brain and response engine in dry-run, and print what "
            + "AutoRespond saw and would have done. Runs on the embedded defaults: no broker, no database.")
        {
            format, keep, seed,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(format) ?? "table", parse.GetValue(keep), parse.GetValue(seed), console, ct));
        return command;
    }

    private static async Task<int> RunAsync(string format, FileInfo? keep, int seed, CliConsole console, CancellationToken ct)
    {
        string capture = keep?.FullName ?? Path.Combine(Directory.CreateTempSubdirectory("autorespond-demo-").FullName, "demo.pcap");
        try
        {
            long packets = DemoScenario.Write(capture, seed);
            var config = ConfigLoader.LoadText(DemoScenario.Config, "demo.yaml");
            if (format == "table")
            {
                console.Out.WriteLine($"AutoRespond demo: {packets:N0} simulated packets — 3 h of an office (VLAN 10) and a plant (VLAN 20).");
                console.Out.WriteLine("The first 2 h are learning. At 08:30 a new laptop, 10.10.0.66, sweeps the plant on ports 102 and 502.");
                console.Out.WriteLine("Response mode is dry-run: the actions below are what AutoRespond would do, nothing is sent.");
                console.Out.WriteLine();
            }
            using IReplayOutput output = format == "table" ? new TableOutput(console.Out) : new JsonLinesOutput(console.OpenOutputStream());
            await new ReplayPipeline(config, output).RunAsync([capture], null, ct);
            if (keep is not null) console.Error.WriteLine($"capture kept at {capture}");
            return ExitCodes.Ok;
        }
        finally
        {
            if (keep is null) Directory.Delete(Path.GetDirectoryName(capture)!, recursive: true);
        }
    }
}
