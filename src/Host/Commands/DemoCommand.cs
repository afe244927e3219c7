using System.CommandLine;
using System.Globalization;
using AutoRespond.Configuration;
using AutoRespond.Host.Cli;
using AutoRespond.Host.Demo;
using AutoRespond.Host.Output;
using AutoRespond.Host.Replay;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond demo</c>: simulate, replay, show. Needs no services and sends nothing anywhere.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var format = CommonOptions.Format("table (default) or jsonl.", "table", "jsonl");
        var keep = new Option<FileInfo?>("--keep") { Description = "Keep the simulated capture at FILE (it is deleted otherwise).", HelpName = "FILE" };
        var seed = new Option<int>("--seed") { Description = "Seed for the simulated traffic (timings, volumes, counts).", DefaultValueFactory = _ => SimulationOptions.DefaultSeed };
        var command = new Command("demo",
            "Simulate the ics-sabotage scenario (two days of an office and a plant network, then a new laptop that "
            + "RDPs to the WinCC server, scans the plant, calls home over TLS without SNI and reprograms a PLC), replay "
            + "it through sensor, brain and response engine in dry-run with the scenario's configuration, and print what "
            + "AutoRespond saw and would have done. Runs on the embedded defaults: no broker, no database. "
            + "'autorespond simulate ics-sabotage --out FILE.pcap' writes the same capture to keep.")
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
            var simulated = DemoScenario.Write(capture, seed);
            var config = ConfigLoader.LoadText(DemoScenario.Config, "ics-sabotage.yaml");
            if (format == "table")
            {
                var attack = simulated.Milestone("attack");
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"AutoRespond demo: {simulated.Packets:N0} simulated packets, {(simulated.End - simulated.Start).TotalHours:0} h of an office (VLAN 10) and a plant (VLAN 20)."));
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"The first {config.Learning.Period.TotalHours:0} h are learning. At {attack.Start:yyyy-MM-dd HH:mm} UTC a new laptop, {IcsSabotageScenario.AttackerIp}, joins the office VLAN,"));
                console.Out.WriteLine("RDPs to the WinCC server as administrator, scans the plant, calls home over TLS without SNI, and talks S7 and");
                console.Out.WriteLine("Modbus to the PLCs: discovery, writes, a program download, a PLC stop.");
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
