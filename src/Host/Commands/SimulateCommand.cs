using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AutoRespond.Host.Cli;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Commands;

/// <summary><c>autorespond simulate SCENARIO --out FILE.pcap [--seed N] [--hours N]</c> and <c>simulate --list</c>.</summary>
internal static class SimulateCommand
{
    private const int MaxHours = 24 * 30;

    public static Command Create(CliConsole console)
    {
        var scenario = new Argument<string?>("SCENARIO") { Description = "The scenario to write (see --list).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "The capture to write (pcap). The scenario's recommended configuration is written next to it as FILE.yaml.", HelpName = "FILE.pcap" };
        var seed = new Option<int>("--seed") { Description = "Seed for timings, volumes and counts; the same seed writes a byte-identical file.", DefaultValueFactory = _ => SimulationOptions.DefaultSeed, HelpName = "N" };
        var hours = new Option<double?>("--hours") { Description = "Length of the background traffic in hours, instead of the scenario's default (what it measures depends on the scenario; see --list).", HelpName = "N" };
        var list = new Option<bool>("--list") { Description = "List the scenarios with their descriptions and default lengths, and exit." };
        var command = new Command("simulate",
            "Write a synthetic capture of a named scenario: Ethernet with 802.1Q tags, real handshakes, sequence numbers "
            + "and checksums, and valid DHCP, DNS, TLS, RDP, SMB2, S7comm and Modbus/TCP, deterministic for a seed. The "
            + "scenario's recommended configuration (zones, 24 h learning, dry-run response, change windows) is written "
            + "next to the capture as FILE.yaml; replay with 'autorespond replay FILE.pcap --config FILE.yaml'. "
            + "Milestones (the attack's stages, the maintenance jobs) are printed on stderr with their UTC times.\n\nScenarios:\n"
            + string.Join("\n", ScenarioCatalog.All.Select(s => $"  {s.Name,-14} {s.Description}")))
        {
            scenario, output, seed, hours, list,
        };
        command.SetAction(parse => parse.GetValue(list)
            ? List(console)
            : Run(parse.GetValue(scenario), parse.GetValue(output), parse.GetValue(seed), parse.GetValue(hours), console));
        return command;
    }

    private static int List(CliConsole console)
    {
        foreach (var s in ScenarioCatalog.All)
        {
            console.Out.WriteLine($"{s.Name,-14} {s.Description}");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",-14} default --hours {s.DefaultBackground.TotalHours:0.##} ({s.BackgroundMeaning})"));
        }
        return ExitCodes.Ok;
    }

    private static int Run(string? name, FileInfo? output, int seed, double? hours, CliConsole console)
    {
        if (name is null) return Usage(console, "a SCENARIO is required (or --list)");
        if (ScenarioCatalog.Find(name) is not { } scenario)
            return Usage(console, $"unknown scenario '{name}'; known: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}");
        if (output is null) return Usage(console, "--out FILE.pcap is required");
        if (hours is <= 0 or > MaxHours || (hours is { } h && double.IsNaN(h))) return Usage(console, $"--hours must be more than 0 and at most {MaxHours} (30 days)");

        string config = ConfigPath(output.FullName);
        var clock = Stopwatch.StartNew();
        SimulationResult result;
        try
        {
            result = scenario.Write(output.FullName, new SimulationOptions(seed, hours is { } value ? TimeSpan.FromHours(value) : null));
            File.WriteAllText(config, scenario.Config);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"{output.FullName}: {e.Message}");
            return ExitCodes.Failure;
        }
        Report(result, output.FullName, config, clock.Elapsed, console.Error);
        return ExitCodes.Ok;
    }

    /// <summary>FILE.pcap → FILE.yaml, next to it (never the capture itself).</summary>
    internal static string ConfigPath(string capture)
    {
        string config = Path.ChangeExtension(capture, ".yaml");
        return string.Equals(config, capture, StringComparison.OrdinalIgnoreCase) ? capture + ".config.yaml" : config;
    }

    private static void Report(SimulationResult result, string capture, string config, TimeSpan elapsed, TextWriter error)
    {
        var span = result.End - result.Start;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Scenario} (seed {result.Seed}): {result.Packets:N0} packets from {result.Start:yyyy-MM-dd HH:mm:ss}Z to {result.End:yyyy-MM-dd HH:mm:ss}Z ({span.TotalHours:0.0} h), written in {elapsed.TotalSeconds:0.0} s"));
        error.WriteLine($"  capture: {capture}");
        error.WriteLine($"  config:  {config}");
        error.WriteLine($"  replay:  autorespond replay {capture} --config {config}");
        if (result.Milestones.Count == 0) return;
        error.WriteLine("  milestones (UTC):");
        foreach (var m in result.Milestones)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {m.Start:yyyy-MM-dd HH:mm:ss} to {m.End:yyyy-MM-dd HH:mm:ss}  {m.Name,-16} {m.Description}"));
        }
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Fail(message);
        console.Error.WriteLine("Run 'autorespond simulate --help' for usage.");
        return ExitCodes.Usage;
    }
}
