using System.Text.Json;
using AutoRespond.Simulation.Scenarios;

namespace AutoRespond.Host.Tests.Scenarios;

/// <summary>Simulates a scenario with its own recommended config, replays it through the CLI and parses the JSON lines.</summary>
internal sealed record ScenarioReplay(SimulationResult Simulation, JsonElement[] Lines)
{
    public static async Task<ScenarioReplay> RunAsync(string scenario, int seed)
    {
        string dir = Directory.CreateTempSubdirectory($"ar-{scenario}-").FullName;
        string capture = Path.Combine(dir, "capture.pcap"), config = Path.Combine(dir, "capture.yaml");
        var definition = ScenarioCatalog.Get(scenario);
        var simulation = definition.Write(capture, new SimulationOptions(seed));
        await File.WriteAllTextAsync(config, definition.Config, TestContext.Current.CancellationToken);
        var result = await CliRunner.InProcessAsync("replay", capture, "--config", config, "--format", "jsonl");
        result.ExitCode.ShouldBe(0, result.Stderr);
        Directory.Delete(dir, recursive: true);
        return new ScenarioReplay(simulation, result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray());
    }

    public IEnumerable<JsonElement> OfType(string type) => Lines.Where(l => l.GetProperty("type").GetString() == type);

    public static string S(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    public static DateTimeOffset T(JsonElement e) => DateTimeOffset.Parse(S(e, "time"), System.Globalization.CultureInfo.InvariantCulture);
}
